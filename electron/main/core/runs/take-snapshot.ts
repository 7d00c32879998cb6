import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { DatasetSnapshot } from '../../../../shared/domain/datasets'
import { writeTransaction, type CoreContext } from '../context'
import { contentHasher } from '../db/case-hash'
import type { SnapshotDraft, WorkingKey } from '../db/repos/snapshot-drafts'
import { ensureSnapshot } from '../datasets/snapshot'
import { finishDraft, reuseOrDraft } from '../datasets/snapshot-draft'
import { TimeSlicer } from '../time-slice'

/** Working cases whose revisions are copied per short transaction. */
const REVISION_ROWS = 500
/** Members written per short transaction: a few milliseconds each. */
const MEMBER_ROWS = 2000

/**
 * The snapshot a run references (ensureSnapshot), written in short transactions with event-loop turns
 * between them, so a big dataset never stalls the core: first the case revisions (content-addressed and
 * immutable, so a copy cut off by a crash leaves nothing wrong behind), then the snapshot as a draft no read
 * sees, its members in chunks, and last a transaction that checks them against the working copy and
 * completes it. A case edited meanwhile sends it back to the single-transaction write of before.
 */
export async function takeSnapshot(
  ctx: CoreContext,
  datasetId: string,
  memberRows = MEMBER_ROWS,
): Promise<DatasetSnapshot> {
  await copyRevisionsAhead(ctx, datasetId)
  const start = writeTransaction(ctx, () => reuseOrDraft(ctx, datasetId, 'Taken for a run'))
  if ('snapshot' in start) return start.snapshot
  const written = await writeDraft(ctx, start.draft, memberRows)
  return written ?? writeTransaction(ctx, () => ensureSnapshot(ctx, datasetId))
}

async function copyRevisionsAhead(ctx: CoreContext, datasetId: string): Promise<void> {
  const slicer = new TimeSlicer()
  const last = ctx.repos.snapshots.lastWorkingPosition(datasetId)
  for (let from = 0; from <= last; from += REVISION_ROWS) {
    writeTransaction(ctx, () =>
      ctx.repos.snapshots.copyRevisionsBetween(datasetId, from, from + REVISION_ROWS),
    )
    await slicer.pause()
  }
}

/** The completed snapshot, or null when the working copy changed under the draft (then removed). */
async function writeDraft(
  ctx: CoreContext,
  draft: SnapshotDraft,
  memberRows: number,
): Promise<DatasetSnapshot | null> {
  try {
    const hash = await copyMembers(ctx, draft, memberRows)
    return writeTransaction(ctx, () => finishDraft(ctx, draft, hash))
  } catch (error) {
    writeTransaction(ctx, () => ctx.repos.snapshots.removeDraft(draft.id))
    // A case edited after its revision was copied ahead fails the members' foreign key.
    if (isConstraintFailure(error)) return null
    throw error
  }
}

/** Copies the working cases into the draft in chunks; returns the content hash of what was copied. */
async function copyMembers(ctx: CoreContext, draft: SnapshotDraft, memberRows: number): Promise<string> {
  const hasher = contentHasher()
  let after: WorkingKey | null = null
  for (let position = 0; position < draft.caseCount;) {
    const limit = Math.min(memberRows, draft.caseCount - position)
    const chunk = writeTransaction(ctx, () =>
      ctx.repos.snapshots.copyDraftMembers(draft, { after, position, limit }),
    )
    if (!chunk.last) break
    hasher.add(chunk.members)
    position += chunk.members.length
    after = chunk.last
    await yieldToEventLoop()
  }
  return hasher.digest()
}

const isConstraintFailure = (error: unknown): boolean =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('SQLITE_CONSTRAINT')
