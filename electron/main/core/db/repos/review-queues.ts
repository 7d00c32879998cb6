import type { Db } from '../connection'

/** A queue row as stored; the domain layer parses `definition` and adds rubric and progress. */
export interface QueueRecord {
  id: string
  name: string
  runId: string
  rubricId: string
  mode: 'single' | 'pairwise'
  blind: boolean
  reviewersPerItem: number
  /** JSON text of the draft parts kept for the record (source, pair, criterion keys). */
  definition: string
  origin: 'local' | 'imported'
  createdAt: string
  createdBy: string
}

export interface ItemRecord {
  id: string
  queueId: string
  caseId: string
  /** JSON text: the result key(s) under review. */
  results: string
  /** JSON text: what the reviewer sees. */
  content: string
  position: number
}

export interface ProgressRow {
  reviewerId: string
  reviewerName: string
  assigned: number
  done: number
  skipped: number
}

interface QueueRow {
  id: string
  name: string
  run_id: string
  rubric_id: string
  mode: 'single' | 'pairwise'
  blind: number
  reviewers_per_item: number
  definition: string
  origin: 'local' | 'imported'
  created_at: string
  created_by: string
}

const queueColumns =
  'id, name, run_id, rubric_id, mode, blind, reviewers_per_item, definition, origin, created_at, created_by'

const toQueue = (r: QueueRow): QueueRecord => ({
  id: r.id,
  name: r.name,
  runId: r.run_id,
  rubricId: r.rubric_id,
  mode: r.mode,
  blind: r.blind === 1,
  reviewersPerItem: r.reviewers_per_item,
  definition: r.definition,
  origin: r.origin,
  createdAt: r.created_at,
  createdBy: r.created_by,
})

export type ReviewQueuesRepo = ReturnType<typeof createReviewQueuesRepo>

/** Review queues and their items (one output, or a pair of outputs, of one case each). */
export function createReviewQueuesRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO review_queues (${queueColumns}) VALUES (@id, @name, @runId, @rubricId, @mode, @blind,
         @reviewersPerItem, @definition, @origin, @createdAt, @createdBy)`,
    ),
    byId: db.prepare<[string], QueueRow>(`SELECT ${queueColumns} FROM review_queues WHERE id = ?`),
    list: db.prepare<[], QueueRow>(`SELECT ${queueColumns} FROM review_queues ORDER BY created_at DESC, id`),
    insertItem: db.prepare(
      `INSERT INTO review_items (id, queue_id, case_id, results, content, position)
       VALUES (@id, @queueId, @caseId, @results, @content, @position)`,
    ),
    items: db.prepare<[string], ItemRecord>(
      `SELECT id, queue_id AS queueId, case_id AS caseId, results, content, position
         FROM review_items WHERE queue_id = ? ORDER BY position`,
    ),
    item: db.prepare<[string], ItemRecord>(
      `SELECT id, queue_id AS queueId, case_id AS caseId, results, content, position
         FROM review_items WHERE id = ?`,
    ),
    itemCount: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM review_items WHERE queue_id = ?',
    ),
    progress: db.prepare<[string], ProgressRow>(
      `SELECT a.reviewer_id AS reviewerId, r.name AS reviewerName, COUNT(*) AS assigned,
              SUM(a.status = 'done') AS done, SUM(a.status = 'skipped') AS skipped
         FROM review_assignments a JOIN reviewers r ON r.id = a.reviewer_id
        WHERE a.queue_id = ? GROUP BY a.reviewer_id ORDER BY r.name COLLATE NOCASE`,
    ),
  }
  return {
    insert: (q: QueueRecord): void => {
      statements.insert.run({ ...q, blind: q.blind ? 1 : 0 })
    },
    byId: (id: string): QueueRecord | null => {
      const row = statements.byId.get(id)
      return row ? toQueue(row) : null
    },
    list: (): QueueRecord[] => statements.list.all().map(toQueue),
    insertItem: (item: ItemRecord): void => {
      statements.insertItem.run(item)
    },
    items: (queueId: string): ItemRecord[] => statements.items.all(queueId),
    item: (itemId: string): ItemRecord | null => statements.item.get(itemId) ?? null,
    itemCount: (queueId: string): number => statements.itemCount.get(queueId)?.n ?? 0,
    progress: (queueId: string): ProgressRow[] => statements.progress.all(queueId),
  }
}
