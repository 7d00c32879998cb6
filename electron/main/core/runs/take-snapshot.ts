import type { DatasetSnapshot } from '../../../../shared/domain/datasets'
import { writeTransaction, type CoreContext } from '../context'
import { ensureSnapshot } from '../datasets/snapshot'
import { TimeSlicer } from '../time-slice'

/** Working cases whose revisions are copied per short transaction. */
const REVISION_ROWS = 500

/**
 * The snapshot a run references (ensureSnapshot), with the bulk of a new one written ahead in short
 * transactions and event-loop turns between them: the case revisions, which are content-addressed and
 * immutable, so a copy cut off by a crash leaves nothing wrong behind. The snapshot itself (its row and its
 * members, checked against the working copy's hash) is still written in one transaction, so no snapshot is
 * ever half there; that transaction relies on the members' foreign key to prove every revision was copied.
 */
export async function takeSnapshot(ctx: CoreContext, datasetId: string): Promise<DatasetSnapshot> {
  const slicer = new TimeSlicer()
  const last = ctx.repos.snapshots.lastWorkingPosition(datasetId)
  for (let from = 0; from <= last; from += REVISION_ROWS) {
    writeTransaction(ctx, () =>
      ctx.repos.snapshots.copyRevisionsBetween(datasetId, from, from + REVISION_ROWS),
    )
    await slicer.pause()
  }
  try {
    return writeTransaction(ctx, () => ensureSnapshot(ctx, datasetId, { revisionsStored: true }))
  } catch (error) {
    if (!isForeignKeyFailure(error)) throw error
    // A case changed between the copy and the snapshot: the whole snapshot in one transaction, as before.
    return writeTransaction(ctx, () => ensureSnapshot(ctx, datasetId))
  }
}

const isForeignKeyFailure = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
