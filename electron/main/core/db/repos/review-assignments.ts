import type { Db } from '../connection'

export type AssignmentStatus = 'pending' | 'done' | 'skipped'
export type Preference = 'a' | 'b' | 'equal'

export interface AssignmentRecord {
  id: string
  queueId: string
  itemId: string
  reviewerId: string
  position: number
  swapped: boolean
  status: AssignmentStatus
  skipReason: string | null
  /** In the queue's terms ('a' = the pair's first slice), whatever sides the reviewer saw. */
  preference: Preference | null
  updatedAt: string
}

interface AssignmentRow {
  id: string
  queue_id: string
  item_id: string
  reviewer_id: string
  position: number
  swapped: number
  status: AssignmentStatus
  skip_reason: string | null
  preference: Preference | null
  updated_at: string
}

const columns =
  'id, queue_id, item_id, reviewer_id, position, swapped, status, skip_reason, preference, updated_at'

const toAssignment = (r: AssignmentRow): AssignmentRecord => ({
  id: r.id,
  queueId: r.queue_id,
  itemId: r.item_id,
  reviewerId: r.reviewer_id,
  position: r.position,
  swapped: r.swapped === 1,
  status: r.status,
  skipReason: r.skip_reason,
  preference: r.preference,
  updatedAt: r.updated_at,
})

const one = (row: AssignmentRow | undefined): AssignmentRecord | null => (row ? toAssignment(row) : null)

export interface ChangeRecord {
  id: number
  assignmentId: string
  /** JSON text of the assignment's state before the change. */
  before: string
}

export type ReviewAssignmentsRepo = ReturnType<typeof createReviewAssignmentsRepo>

/** Who reviews which item in which order, their progress, and the change log that undo walks back. */
export function createReviewAssignmentsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO review_assignments (${columns}) VALUES (@id, @queueId, @itemId, @reviewerId, @position,
         @swapped, @status, @skipReason, @preference, @updatedAt)`,
    ),
    byId: db.prepare<[string], AssignmentRow>(`SELECT ${columns} FROM review_assignments WHERE id = ?`),
    atPosition: db.prepare<[string, string, number], AssignmentRow>(
      `SELECT ${columns} FROM review_assignments WHERE queue_id = ? AND reviewer_id = ? AND position = ?`,
    ),
    nextPending: db.prepare<[string, string], AssignmentRow>(
      `SELECT ${columns} FROM review_assignments WHERE queue_id = ? AND reviewer_id = ? AND status = 'pending'
        ORDER BY position LIMIT 1`,
    ),
    countFor: db.prepare<[string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM review_assignments WHERE queue_id = ? AND reviewer_id = ?',
    ),
    forQueue: db.prepare<[string], AssignmentRow>(
      `SELECT ${columns} FROM review_assignments WHERE queue_id = ? ORDER BY reviewer_id, position`,
    ),
    forItem: db.prepare<[string], AssignmentRow>(
      `SELECT ${columns} FROM review_assignments WHERE item_id = ? ORDER BY reviewer_id`,
    ),
    setState: db.prepare(
      `UPDATE review_assignments SET status = @status, skip_reason = @skipReason, preference = @preference,
         updated_at = @updatedAt WHERE id = @id`,
    ),
    insertChange: db.prepare(
      `INSERT INTO review_changes (queue_id, reviewer_id, assignment_id, before, at) VALUES (?, ?, ?, ?, ?)`,
    ),
    lastChange: db.prepare<[string, string], ChangeRecord>(
      `SELECT id, assignment_id AS assignmentId, before FROM review_changes
        WHERE queue_id = ? AND reviewer_id = ? ORDER BY id DESC LIMIT 1`,
    ),
    deleteChange: db.prepare('DELETE FROM review_changes WHERE id = ?'),
  }
  return {
    insert: (a: AssignmentRecord): void => {
      statements.insert.run({ ...a, swapped: a.swapped ? 1 : 0 })
    },
    byId: (id: string): AssignmentRecord | null => one(statements.byId.get(id)),
    atPosition: (queueId: string, reviewerId: string, position: number): AssignmentRecord | null =>
      one(statements.atPosition.get(queueId, reviewerId, position)),
    /** The reviewer's first pending item in their own order. */
    nextPending: (queueId: string, reviewerId: string): AssignmentRecord | null =>
      one(statements.nextPending.get(queueId, reviewerId)),
    countFor: (queueId: string, reviewerId: string): number =>
      statements.countFor.get(queueId, reviewerId)?.n ?? 0,
    forQueue: (queueId: string): AssignmentRecord[] => statements.forQueue.all(queueId).map(toAssignment),
    forItem: (itemId: string): AssignmentRecord[] => statements.forItem.all(itemId).map(toAssignment),
    setState: (
      a: Pick<AssignmentRecord, 'id' | 'status' | 'skipReason' | 'preference' | 'updatedAt'>,
    ): void => {
      statements.setState.run(a)
    },
    insertChange: (queueId: string, reviewerId: string, assignmentId: string, before: string, at: string) => {
      statements.insertChange.run(queueId, reviewerId, assignmentId, before, at)
    },
    lastChange: (queueId: string, reviewerId: string): ChangeRecord | null =>
      statements.lastChange.get(queueId, reviewerId) ?? null,
    deleteChange: (id: number): void => {
      statements.deleteChange.run(id)
    },
  }
}
