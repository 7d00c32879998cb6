import type { Db } from '../connection'
import type { ResultKey } from '../../../../../shared/lib/model-identity'

export interface ReviewScoreRecord {
  assignmentId: string
  criterionKey: string
  raw: number
  comment: string
  updatedAt: string
}

export interface AdjudicationRecord {
  itemId: string
  criterionKey: string
  raw: number
  reason: string
  by: string
  at: string
}

export type ReviewScoresRepo = ReturnType<typeof createReviewScoresRepo>

/** Reviewers' criterion scores, adjudicated finals, and removal of a human run score that no longer holds. */
export function createReviewScoresRepo(db: Db) {
  const statements = {
    upsert: db.prepare(
      `INSERT INTO review_scores (assignment_id, criterion_key, raw, comment, updated_at)
       VALUES (@assignmentId, @criterionKey, @raw, @comment, @updatedAt)
       ON CONFLICT (assignment_id, criterion_key) DO UPDATE SET
         raw = excluded.raw, comment = excluded.comment, updated_at = excluded.updated_at`,
    ),
    forAssignment: db.prepare<[string], ReviewScoreRecord>(
      `SELECT assignment_id AS assignmentId, criterion_key AS criterionKey, raw, comment, updated_at AS updatedAt
         FROM review_scores WHERE assignment_id = ? ORDER BY criterion_key`,
    ),
    forQueue: db.prepare<[string], ReviewScoreRecord>(
      `SELECT s.assignment_id AS assignmentId, s.criterion_key AS criterionKey, s.raw, s.comment,
              s.updated_at AS updatedAt
         FROM review_scores s JOIN review_assignments a ON a.id = s.assignment_id
        WHERE a.queue_id = ? ORDER BY s.assignment_id, s.criterion_key`,
    ),
    clear: db.prepare('DELETE FROM review_scores WHERE assignment_id = ?'),
    adjudicate: db.prepare(
      `INSERT INTO review_adjudications (item_id, criterion_key, raw, reason, by, at)
       VALUES (@itemId, @criterionKey, @raw, @reason, @by, @at)
       ON CONFLICT (item_id, criterion_key) DO UPDATE SET
         raw = excluded.raw, reason = excluded.reason, by = excluded.by, at = excluded.at`,
    ),
    adjudications: db.prepare<[string], AdjudicationRecord>(
      `SELECT j.item_id AS itemId, j.criterion_key AS criterionKey, j.raw, j.reason, j.by, j.at
         FROM review_adjudications j JOIN review_items i ON i.id = j.item_id
        WHERE i.queue_id = ? ORDER BY j.item_id, j.criterion_key`,
    ),
    // Only ever a human row: an undone last score leaves nothing to report, and no other scorer's row is touched.
    deleteHumanScore: db.prepare(
      `DELETE FROM run_scores WHERE run_id = @runId AND case_id = @caseId AND prompt_version_id = @promptVersionId
         AND provider = @provider AND model_id = @modelId AND repeat = @repeat AND metric = @metric AND scorer_hash = @scorerHash
         AND source = 'human'`,
    ),
  }
  return {
    upsert: (s: ReviewScoreRecord): void => {
      statements.upsert.run(s)
    },
    forAssignment: (assignmentId: string): ReviewScoreRecord[] => statements.forAssignment.all(assignmentId),
    forQueue: (queueId: string): ReviewScoreRecord[] => statements.forQueue.all(queueId),
    clear: (assignmentId: string): void => {
      statements.clear.run(assignmentId)
    },
    adjudicate: (a: AdjudicationRecord): void => {
      statements.adjudicate.run(a)
    },
    adjudications: (queueId: string): AdjudicationRecord[] => statements.adjudications.all(queueId),
    deleteHumanScore: (runId: string, key: ResultKey, metric: string, scorerHash: string): void => {
      statements.deleteHumanScore.run({ runId, ...key, metric, scorerHash })
    },
  }
}
