import { AppError } from '../../../../shared/contract'
import type { DatasetSnapshot, DatasetSummary } from '../../../../shared/domain/datasets'
import { newId } from '../ids'
import { auditDataset, requireDataset, workingRevisions, type DatasetContext } from './detail'
import { caseFields, contentHash, revisionHash } from '../db/case-hash'

// Every function here writes: the caller runs it inside one `.immediate()` transaction.

export interface WorkingState {
  dataset: DatasetSummary
  caseCount: number
  hash: string
  latest: DatasetSnapshot | null
}

export function workingState(ctx: DatasetContext, datasetId: string): WorkingState {
  const dataset = requireDataset(ctx.repos, datasetId)
  const revisions = workingRevisions(ctx.repos, datasetId)
  return {
    dataset,
    caseCount: revisions.length,
    hash: contentHash(revisions),
    latest: ctx.repos.snapshots.latest(datasetId),
  }
}

/** Freezes the working copy as the next numbered snapshot; refused when it equals the newest one. */
export function createSnapshot(ctx: DatasetContext, datasetId: string, message: string): DatasetSnapshot {
  const state = workingState(ctx, datasetId)
  if (state.latest && state.latest.contentHash === state.hash) {
    throw new AppError(
      'INVALID_INPUT',
      `Nothing changed since snapshot ${state.latest.number}: no new snapshot was created`,
      { snapshotId: state.latest.id },
    )
  }
  return writeSnapshot(ctx, state, message)
}

/**
 * The snapshot a run of this dataset must reference: the newest one when the working copy still equals it,
 * otherwise a new one. Runs never read the editable working copy.
 */
export function ensureSnapshot(
  ctx: DatasetContext,
  datasetId: string,
  options: SnapshotWriteOptions = {},
): DatasetSnapshot {
  const state = workingState(ctx, datasetId)
  if (state.latest && state.latest.contentHash === state.hash) return state.latest
  return writeSnapshot(ctx, state, 'Taken for a run', options)
}

interface SnapshotWriteOptions {
  /**
   * The caller copied the working cases' revisions ahead (in short transactions of its own): only the
   * members are written. A revision missing after all (a case edited since) fails the members' foreign key
   * and with it the whole transaction, so the caller retries without this.
   */
  revisionsStored?: boolean
}

function writeSnapshot(
  ctx: DatasetContext,
  state: WorkingState,
  message: string,
  options: SnapshotWriteOptions = {},
): DatasetSnapshot {
  const { dataset } = state
  prepareWrite(ctx, state)
  const snapshot: DatasetSnapshot = {
    id: newId('dss'),
    datasetId: dataset.id,
    number: (state.latest?.number ?? 0) + 1,
    message: message.trim(),
    createdAt: ctx.now(),
    createdBy: ctx.user,
    caseCount: state.caseCount,
    contentHash: state.hash,
  }
  ctx.repos.snapshots.insertFromWorkingCopy(snapshot, { withRevisions: options.revisionsStored !== true })
  auditDataset(ctx, 'dataset.snapshot', dataset.id, {
    snapshotId: snapshot.id,
    number: snapshot.number,
    caseCount: snapshot.caseCount,
    message: snapshot.message,
  })
  return snapshot
}

/** Refuses an empty dataset; cases stored before revisions existed get their hash, so SQL can copy them. */
export function prepareWrite(ctx: DatasetContext, state: WorkingState): void {
  const { dataset } = state
  if (state.caseCount === 0) {
    throw new AppError('INVALID_INPUT', `"${dataset.name}" has no cases: add cases before taking a snapshot`)
  }
  for (const c of ctx.repos.datasetCases.unhashed(dataset.id)) {
    ctx.repos.datasetCases.setRevisionHash(c.id, revisionHash(caseFields(c)))
  }
}

/** A snapshot id from the caller must exist and belong to the dataset it names. */
export function requireSnapshot(
  ctx: Pick<DatasetContext, 'repos'>,
  datasetId: string,
  snapshotId: string,
): DatasetSnapshot {
  const snapshot = ctx.repos.snapshots.get(snapshotId)
  if (!snapshot || snapshot.datasetId !== datasetId) {
    const dataset = requireDataset(ctx.repos, datasetId)
    throw new AppError('NOT_FOUND', `Dataset "${dataset.name}" has no snapshot with id ${snapshotId}`)
  }
  return snapshot
}
