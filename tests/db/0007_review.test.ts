import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** Every migration up to 0007, with a rubric, a reviewer, a queue, an item and an assignment. */
function reviewDb(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, 7)) db.exec(m.sql)
  db.exec(`
    INSERT INTO rubrics (id, key, version, name, criteria, created_at) VALUES ('rb', 'q', 1, 'Q', '[]', 't');
    INSERT INTO reviewers (id, name, created_at) VALUES ('ana', 'Ana', 't');
    INSERT INTO review_queues (id, name, run_id, rubric_id, mode, blind, reviewers_per_item, definition, created_at,
      created_by) VALUES ('q1', 'Queue', 'r', 'rb', 'single', 1, 2, '{}', 't', 'a');
    INSERT INTO review_items (id, queue_id, case_id, results, content, position)
      VALUES ('i1', 'q1', 'c1', '[]', '{}', 1);
    INSERT INTO review_assignments (id, queue_id, item_id, reviewer_id, position, updated_at)
      VALUES ('a1', 'q1', 'i1', 'ana', 1, 't');
  `)
  return db
}

describe('migration 0007 (human review)', () => {
  it('is the seventh bundled migration', () => {
    expect(bundledMigrations[6]?.name).toMatch(/0007_review/)
  })

  it('gives each reviewer one assignment per item and one position per queue', () => {
    const db = reviewDb()
    const assign = (id: string, position: number) =>
      db
        .prepare(
          `INSERT INTO review_assignments (id, queue_id, item_id, reviewer_id, position, updated_at)
           VALUES (?, 'q1', 'i1', 'ana', ?, 't')`,
        )
        .run(id, position)
    expect(() => assign('a2', 2)).toThrow(/UNIQUE/)
    db.exec(
      "INSERT INTO review_items (id, queue_id, case_id, results, content, position) VALUES ('i2', 'q1', 'c2', '[]', '{}', 2)",
    )
    expect(() =>
      db
        .prepare(
          `INSERT INTO review_assignments (id, queue_id, item_id, reviewer_id, position, updated_at)
           VALUES ('a3', 'q1', 'i2', 'ana', 1, 't')`,
        )
        .run(),
    ).toThrow(/UNIQUE/)
  })

  it('refuses unknown statuses, preferences and modes', () => {
    const db = reviewDb()
    expect(() => db.exec("UPDATE review_assignments SET status = 'maybe'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE review_assignments SET preference = 'c'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE review_queues SET mode = 'triple'")).toThrow(/CHECK/)
    expect(() => db.exec('UPDATE review_queues SET reviewers_per_item = 0')).toThrow(/CHECK/)
  })

  it('keeps one score per assignment and criterion, and deleting a queue removes its items, assignments and scores', () => {
    const db = reviewDb()
    const score = () =>
      db
        .prepare(
          "INSERT INTO review_scores (assignment_id, criterion_key, raw, updated_at) VALUES ('a1', 'k', 1, 't')",
        )
        .run()
    score()
    expect(() => score()).toThrow(/UNIQUE|PRIMARY/)
    db.exec(
      "INSERT INTO review_adjudications (item_id, criterion_key, raw, reason, by, at) VALUES ('i1', 'k', 1, 'r', 'b', 't')",
    )
    db.exec("DELETE FROM review_queues WHERE id = 'q1'")
    for (const table of ['review_items', 'review_assignments', 'review_scores', 'review_adjudications']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 })
    }
  })
})
