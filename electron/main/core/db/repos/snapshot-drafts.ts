import type { Db } from '../connection'

/** A snapshot being written in chunks: invisible to every read until `completeDraft` numbers it. */
export interface SnapshotDraft {
  id: string
  datasetId: string
  message: string
  createdAt: string
  createdBy: string
  caseCount: number
}

/** A working case's place in the order a snapshot copies them: position, then id for cases that share one. */
export interface WorkingKey {
  position: number
  id: string
}

export interface DraftMember {
  caseId: string
  revisionHash: string
}

// Far above any real snapshot number, so a draft never takes the number a complete snapshot needs.
const DRAFT_NUMBERS = 1_000_000_000

// The working copy in snapshot order, each case with the position its member must hold.
const workingOrder = `SELECT id, revision_hash, row_number() OVER (ORDER BY position, id) - 1 AS member_position
  FROM dataset_cases WHERE dataset_id = @datasetId`

/** The writes of a chunked snapshot; each runs inside a short transaction of the caller's. */
export function snapshotDraftWrites(db: Db) {
  const statements = {
    insertDraft: db.prepare(
      `INSERT INTO dataset_snapshots
         (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
       VALUES (@id, @datasetId,
         MAX(${DRAFT_NUMBERS}, (SELECT COALESCE(MAX(number), 0) + 1 FROM dataset_snapshots WHERE dataset_id = @datasetId)),
         @message, @createdAt, @createdBy, @caseCount, '', 0)`,
    ),
    chunk: db.prepare<
      [{ datasetId: string; position: number; id: string; limit: number }],
      { id: string; position: number; revision_hash: string }
    >(
      `SELECT id, position, revision_hash FROM dataset_cases
        WHERE dataset_id = @datasetId AND (position, id) > (@position, @id)
        ORDER BY position, id LIMIT @limit`,
    ),
    insertMember: db.prepare(
      'INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES (?, ?, ?, ?)',
    ),
    mismatches: db.prepare<[{ datasetId: string; snapshotId: string }], { n: number; working: number }>(
      `SELECT COALESCE(SUM(m.case_id IS NOT w.id OR m.revision_hash IS NOT w.revision_hash), 0) AS n,
              COUNT(*) AS working
         FROM (${workingOrder}) w
         LEFT JOIN dataset_snapshot_cases m ON m.snapshot_id = @snapshotId AND m.position = w.member_position`,
    ),
    complete: db.prepare(
      `UPDATE dataset_snapshots SET content_hash = @contentHash, complete = 1,
         number = (SELECT COALESCE(MAX(number), 0) + 1 FROM dataset_snapshots WHERE dataset_id = @datasetId AND complete = 1)
       WHERE id = @id AND complete = 0`,
    ),
    removeDraft: db.prepare('DELETE FROM dataset_snapshots WHERE id = ? AND complete = 0'),
    removeDrafts: db.prepare('DELETE FROM dataset_snapshots WHERE complete = 0'),
  }
  return {
    /** The snapshot's row, incomplete: members may be added to it until it is completed. */
    insertDraft: (draft: SnapshotDraft): void => void statements.insertDraft.run(draft),
    /**
     * Copies up to `limit` working cases after `after` (null: from the start) as members from `position` on,
     * and returns them in order. A case without a revision hash fails the NOT NULL constraint.
     */
    copyDraftMembers: (
      draft: SnapshotDraft,
      args: { after: WorkingKey | null; position: number; limit: number },
    ): { members: DraftMember[]; last: WorkingKey | null } => {
      const after = args.after ?? { position: Number.MIN_SAFE_INTEGER, id: '' }
      const rows = statements.chunk.all({ datasetId: draft.datasetId, ...after, limit: args.limit })
      rows.forEach((r, i) => statements.insertMember.run(draft.id, args.position + i, r.id, r.revision_hash))
      const last = rows.at(-1)
      return {
        members: rows.map((r) => ({ caseId: r.id, revisionHash: r.revision_hash })),
        last: last ? { position: last.position, id: last.id } : null,
      }
    },
    /** True when the draft's members are the working copy as it is now: same cases, revisions and order. */
    draftMatchesWorkingCopy: (draft: SnapshotDraft): boolean => {
      const row = statements.mismatches.get({ datasetId: draft.datasetId, snapshotId: draft.id })
      return row !== undefined && row.n === 0 && row.working === draft.caseCount
    },
    /** Numbers the draft after the dataset's newest complete snapshot and seals it; false when it is gone. */
    completeDraft: (draft: SnapshotDraft, contentHash: string): boolean =>
      statements.complete.run({ id: draft.id, datasetId: draft.datasetId, contentHash }).changes === 1,
    removeDraft: (snapshotId: string): void => void statements.removeDraft.run(snapshotId),
    /** Drafts a crash left behind (the workspace is locked, so no other process is writing one). */
    removeDrafts: (): number => statements.removeDrafts.run().changes,
  }
}
