import type { Db } from '../connection'

export interface AssignmentRow {
  id: string
  queue_id: string
  item_id: string
  reviewer_id: string
  reviewer_name: string
  position: number
  swapped: number
  status: 'pending' | 'done' | 'skipped'
  skip_reason: string | null
  preference: 'a' | 'b' | 'equal' | null
  updated_at: string
}

export interface ScoreRow {
  assignment_id: string
  criterion_key: string
  raw: number
  comment: string
  updated_at: string
}

export type AssignmentState = Pick<
  AssignmentRow,
  'id' | 'status' | 'skip_reason' | 'preference' | 'updated_at'
>

export type PackRepo = ReturnType<typeof createReviewPacksRepo>

/**
 * The statements packs need on the review tables. Kept apart from the review core's repos on purpose:
 * packs read whole queues and merge returned scores row by row, with their own rules (newer edit wins).
 */
export function createReviewPacksRepo(db: Db) {
  const s = {
    queue: db.prepare<[string], { id: string }>('SELECT id FROM review_queues WHERE id = ?'),
    assignments: db.prepare<[string], AssignmentRow>(
      `SELECT a.*, r.name AS reviewer_name FROM review_assignments a JOIN reviewers r ON r.id = a.reviewer_id
        WHERE a.queue_id = ? ORDER BY r.name, a.position`,
    ),
    scores: db.prepare<[string], ScoreRow>(
      `SELECT s.* FROM review_scores s JOIN review_assignments a ON a.id = s.assignment_id
        WHERE a.queue_id = ? ORDER BY s.assignment_id, s.criterion_key`,
    ),
    assignment: db.prepare<[string], AssignmentRow>(
      `SELECT a.*, r.name AS reviewer_name FROM review_assignments a JOIN reviewers r ON r.id = a.reviewer_id
        WHERE a.id = ?`,
    ),
    scoredCriteria: db.prepare<[string], { criterion_key: string }>(
      'SELECT criterion_key FROM review_scores WHERE assignment_id = ?',
    ),
    insertScore: db.prepare(
      'INSERT INTO review_scores (assignment_id, criterion_key, raw, comment, updated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    updateScore: db.prepare(
      'UPDATE review_scores SET raw = ?, comment = ?, updated_at = ? WHERE assignment_id = ? AND criterion_key = ?',
    ),
    updateState: db.prepare(
      'UPDATE review_assignments SET status = ?, skip_reason = ?, preference = ?, updated_at = ? WHERE id = ?',
    ),
  }
  return {
    hasQueue: (id: string): boolean => s.queue.get(id) !== undefined,
    assignments: (queueId: string): AssignmentRow[] => s.assignments.all(queueId),
    scores: (queueId: string): ScoreRow[] => s.scores.all(queueId),
    assignment: (id: string): AssignmentRow | undefined => s.assignment.get(id),
    scoredCriteria: (assignmentId: string): string[] =>
      s.scoredCriteria.all(assignmentId).map((r) => r.criterion_key),
    insertScore: (r: ScoreRow): void =>
      void s.insertScore.run(r.assignment_id, r.criterion_key, r.raw, r.comment, r.updated_at),
    updateScore: (r: ScoreRow): void =>
      void s.updateScore.run(r.raw, r.comment, r.updated_at, r.assignment_id, r.criterion_key),
    updateState: (a: AssignmentState): void =>
      void s.updateState.run(a.status, a.skip_reason, a.preference, a.updated_at, a.id),
  }
}
