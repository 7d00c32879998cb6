import type { DatasetSnapshot } from '../../../../shared/domain/datasets'
import type { SnapshotDraft } from '../db/repos/snapshot-drafts'
import { newId } from '../ids'
import { auditDataset, type DatasetContext } from './detail'
import { prepareWrite, workingState } from './snapshot'

// A snapshot written in chunks (see runs/take-snapshot.ts): each function here runs in its own short
// transaction. The draft stays invisible to every read until finishDraft completes it.

/** The newest snapshot when the working copy still equals it; otherwise a new, empty draft to fill. */
export function reuseOrDraft(
  ctx: DatasetContext,
  datasetId: string,
  message: string,
): { snapshot: DatasetSnapshot } | { draft: SnapshotDraft } {
  const state = workingState(ctx, datasetId)
  if (state.latest && state.latest.contentHash === state.hash) return { snapshot: state.latest }
  prepareWrite(ctx, state)
  const draft: SnapshotDraft = {
    id: newId('dss'),
    datasetId,
    message: message.trim(),
    createdAt: ctx.now(),
    createdBy: ctx.user,
    caseCount: state.caseCount,
  }
  ctx.repos.snapshots.insertDraft(draft)
  return { draft }
}

/**
 * Completes a draft whose members were all copied, numbering it after the newest complete snapshot (so two
 * snapshots written at once are numbered in the order they complete). Null, with the draft removed, when
 * the working copy changed while it was copied: the caller writes the snapshot another way. When a
 * snapshot with the same content completed meanwhile, that one is the answer and the draft is dropped.
 */
export function finishDraft(
  ctx: DatasetContext,
  draft: SnapshotDraft,
  contentHash: string,
): DatasetSnapshot | null {
  const { snapshots } = ctx.repos
  const latest = snapshots.latest(draft.datasetId)
  const matches = snapshots.draftMatchesWorkingCopy(draft)
  if (!matches || latest?.contentHash === contentHash) {
    snapshots.removeDraft(draft.id)
    return matches ? latest : null
  }
  if (!snapshots.completeDraft(draft, contentHash)) return null
  const snapshot = snapshots.get(draft.id)
  if (!snapshot) return null
  auditDataset(ctx, 'dataset.snapshot', draft.datasetId, {
    snapshotId: snapshot.id,
    number: snapshot.number,
    caseCount: snapshot.caseCount,
    message: snapshot.message,
  })
  return snapshot
}
