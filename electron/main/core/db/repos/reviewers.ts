import type { Reviewer } from '../../../../../shared/domain/review'
import type { Db } from '../connection'

interface ReviewerRow {
  id: string
  name: string
  created_at: string
}

const toReviewer = (r: ReviewerRow): Reviewer => ({ id: r.id, name: r.name, createdAt: r.created_at })

export type ReviewersRepo = ReturnType<typeof createReviewersRepo>

/** Named reviewer profiles: who scored what, and whose order and load a queue assigns. */
export function createReviewersRepo(db: Db) {
  const statements = {
    insert: db.prepare('INSERT INTO reviewers (id, name, created_at) VALUES (?, ?, ?)'),
    list: db.prepare<[], ReviewerRow>(
      'SELECT id, name, created_at FROM reviewers ORDER BY name COLLATE NOCASE',
    ),
    byId: db.prepare<[string], ReviewerRow>('SELECT id, name, created_at FROM reviewers WHERE id = ?'),
    byName: db.prepare<[string], ReviewerRow>(
      'SELECT id, name, created_at FROM reviewers WHERE name = ? COLLATE NOCASE',
    ),
  }
  return {
    insert: (r: Reviewer): void => {
      statements.insert.run(r.id, r.name, r.createdAt)
    },
    list: (): Reviewer[] => statements.list.all().map(toReviewer),
    byId: (id: string): Reviewer | null => {
      const row = statements.byId.get(id)
      return row ? toReviewer(row) : null
    },
    /** Case-insensitive: "Ana" and "ana" are the same person to a reader of the report. */
    byName: (name: string): Reviewer | null => {
      const row = statements.byName.get(name)
      return row ? toReviewer(row) : null
    },
  }
}
