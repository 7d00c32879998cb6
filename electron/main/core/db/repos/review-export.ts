import type { Db } from '../connection'

/** One reviewer's assignment of one item, with what a spreadsheet row needs about both. */
export interface ReviewExportAssignment {
  assignmentId: string
  itemPosition: number
  /** The item's stored content (JSON): case key and the outputs under review. */
  content: string
  reviewerName: string
  status: 'pending' | 'done' | 'skipped'
  skipReason: string | null
  preference: 'a' | 'b' | 'equal' | null
  updatedAt: string
}

export interface ReviewExportScore {
  assignmentId: string
  criterionKey: string
  raw: number
  comment: string
  updatedAt: string
}

export type ReviewExportRepo = ReturnType<typeof createReviewExportRepo>

/** The reads of a queue's scores export: every assignment in item order, then by reviewer name. */
export function createReviewExportRepo(db: Db) {
  const statements = {
    assignments: db.prepare<[string], ReviewExportAssignment>(
      `SELECT a.id AS assignmentId, i.position AS itemPosition, i.content AS content, r.name AS reviewerName,
              a.status AS status, a.skip_reason AS skipReason, a.preference AS preference,
              a.updated_at AS updatedAt
         FROM review_assignments a
         JOIN review_items i ON i.id = a.item_id
         JOIN reviewers r ON r.id = a.reviewer_id
        WHERE a.queue_id = ?
        ORDER BY i.position, i.id, r.name, a.id`,
    ),
    scores: db.prepare<[string], ReviewExportScore>(
      `SELECT s.assignment_id AS assignmentId, s.criterion_key AS criterionKey, s.raw AS raw,
              s.comment AS comment, s.updated_at AS updatedAt
         FROM review_scores s JOIN review_assignments a ON a.id = s.assignment_id
        WHERE a.queue_id = ?
        ORDER BY s.assignment_id, s.criterion_key`,
    ),
  }
  return {
    assignments: (queueId: string): ReviewExportAssignment[] => statements.assignments.all(queueId),
    scores: (queueId: string): ReviewExportScore[] => statements.scores.all(queueId),
  }
}
