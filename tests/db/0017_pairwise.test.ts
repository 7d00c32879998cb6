import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A v17 workspace with one run and one rubric (the 0016 workspace plus this migration). */
function v17WithRun(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 16), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots
      (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h1', 1);
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'completed', '{}', 's1', '[]', 't', 'a', '{}');
    INSERT INTO rubrics (id, key, version, name, description, criteria, created_at)
      VALUES ('rb', 'geo', 1, 'Geography', '', '[]', 't');
  `)
  applyMigrations(db, bundledMigrations.slice(0, 17), () => 't1')
  return db
}

function insertComparison(db: Database.Database, id: string, status = 'running'): void {
  db.prepare(
    `INSERT INTO pairwise_comparisons (id, a_run_id, a_prompt_version_id, a_provider, a_model_id, b_run_id,
       b_prompt_version_id, b_provider, b_model_id, rubric_id, criterion_key, judge_provider, judge_model, status,
       created_at, created_by, updated_at)
     VALUES (?, 'r1', 'v1', 'acme', 'm1', 'r1', 'v1', 'acme', 'm2', 'rb', 'accuracy', 'house', 'judge', ?, 't', 'a', 't')`,
  ).run(id, status)
}

function insertJudgment(
  db: Database.Database,
  order: string,
  verdict: string | null,
  error: string | null,
): void {
  db.prepare(
    `INSERT INTO pairwise_judgments (comparison_id, case_id, position_order, verdict, reason, request, attempts,
       error_message, created_at) VALUES ('p1', 'c1', ?, ?, '', '{}', 1, ?, 't')`,
  ).run(order, verdict, error)
}

describe('0017_pairwise', () => {
  it('is the seventeenth migration', () => {
    expect(bundledMigrations[16]?.name).toBe('0017_pairwise.sql')
  })

  it('keeps one comparison per slices, criterion and judge, and checks its status', () => {
    const db = v17WithRun()
    insertComparison(db, 'p1')
    expect(() => insertComparison(db, 'p2')).toThrow(/UNIQUE/)
    db.exec(`DELETE FROM pairwise_comparisons`)
    expect(() => insertComparison(db, 'p3', 'paused')).toThrow(/CHECK/)
  })

  it('stores one judgment per case and order, a verdict or an error, never both or neither', () => {
    const db = v17WithRun()
    insertComparison(db, 'p1')
    insertJudgment(db, 'ab', 'a', null)
    insertJudgment(db, 'ba', null, 'The judge did not answer with JSON')
    expect(() => insertJudgment(db, 'ab', 'b', null)).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insertJudgment(db, 'xy', 'a', null)).toThrow(/CHECK/)
    db.exec(`DELETE FROM pairwise_judgments`)
    expect(() => insertJudgment(db, 'ab', 'first', null)).toThrow(/CHECK/)
    expect(() => insertJudgment(db, 'ab', null, null)).toThrow(/CHECK/)
    expect(() => insertJudgment(db, 'ab', 'a', 'also failed')).toThrow(/CHECK/)
  })

  it('goes with its run: deleting the run deletes its comparisons and their judgments', () => {
    const db = v17WithRun()
    insertComparison(db, 'p1')
    insertJudgment(db, 'ab', 'tie', null)
    db.exec(`DELETE FROM runs WHERE id = 'r1'`)
    expect(db.prepare('SELECT COUNT(*) AS n FROM pairwise_judgments').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT COUNT(*) AS n FROM pairwise_comparisons').get()).toEqual({ n: 0 })
  })
})
