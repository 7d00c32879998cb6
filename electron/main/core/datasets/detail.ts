import { AppError } from '../../../../shared/contract'
import type { DatasetDetail, DatasetSummary } from '../../../../shared/domain/datasets'
import type { CoreContext } from '../context'
import type { Repos } from '../db/repos'
import { caseFields, contentHash, revisionHash } from '../db/case-hash'

/** What dataset domain functions need from the core; the demo seed builds one without a dispatch. */
export type DatasetContext = Pick<CoreContext, 'repos' | 'user' | 'now'>

export function requireDataset(repos: Repos, datasetId: string): DatasetSummary {
  const dataset = repos.datasets.get(datasetId)
  if (!dataset) throw new AppError('NOT_FOUND', `No dataset with id ${datasetId}`)
  return dataset
}

export interface WorkingRevision {
  caseId: string
  revisionHash: string
}

/**
 * Which revision each working case is, in order. Cases stored before revisions existed have no hash yet and
 * are hashed here (reading only; taking a snapshot stores their hashes).
 */
export function workingRevisions(repos: Repos, datasetId: string): WorkingRevision[] {
  const stored = repos.datasetCases.revisions(datasetId)
  if (stored.every((r) => r.revisionHash !== null)) return stored as WorkingRevision[]
  const computed = new Map(
    repos.datasetCases.unhashed(datasetId).map((c) => [c.id, revisionHash(caseFields(c))]),
  )
  return stored.map((r) => ({
    caseId: r.caseId,
    revisionHash: r.revisionHash ?? computed.get(r.caseId) ?? '',
  }))
}

/** The dataset with its snapshots (newest first), whether the working copy moved on, and its parent. */
export function datasetDetail(repos: Repos, datasetId: string): DatasetDetail {
  const dataset = requireDataset(repos, datasetId)
  const snapshots = repos.snapshots.list(datasetId)
  const latest = snapshots[0]
  const changedSinceSnapshot =
    latest === undefined || contentHash(workingRevisions(repos, datasetId)) !== latest.contentHash
  const parent = dataset.parentId === null ? null : repos.datasets.get(dataset.parentId)
  return {
    dataset,
    snapshots,
    changedSinceSnapshot,
    parent: parent ? { id: parent.id, name: parent.name } : null,
  }
}

/** One audit entry about a dataset; every dataset write leaves one, in the same transaction. */
export function auditDataset(
  ctx: DatasetContext,
  action: string,
  datasetId: string,
  details: Record<string, unknown>,
): void {
  ctx.repos.audit.append({
    at: ctx.now(),
    actor: ctx.user,
    action,
    entityType: 'dataset',
    entityId: datasetId,
    details,
  })
}

/** At most `max` items of a list for a message or an audit entry, with how many more there were. */
export function listed(items: readonly string[], max = 10): string {
  const shown = items.slice(0, max).map((item) => JSON.stringify(item))
  const more = items.length - shown.length
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ')
}
