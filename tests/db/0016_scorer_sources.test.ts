import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A v15 workspace with one run, one result's tagged case and two scores. */
function v15WithScores(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 15), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes) VALUES
      ('ha', 'a', '{}', '{}', NULL, '["tier:pro"]', '');
    INSERT INTO dataset_snapshots
      (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 1, 'h1', 0);
    INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES ('s1', 0, 'ca', 'ha');
    UPDATE dataset_snapshots SET complete = 1 WHERE id = 's1';
  `)
  insertRun(db)
  for (const [metric, value] of [
    ['format.json', 1],
    ['quality', 0.5],
  ] as const)
    insertScore(db, metric, 'rule', value)
  return db
}

function insertRun(db: Database.Database): void {
  db.exec(`INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
    VALUES ('r1', 'Run', 'completed', '{}', 's1', '[]', 't', 'a', '{}')`)
}

function insertScore(db: Database.Database, metric: string, source: string, value: number): void {
  db.prepare(
    `INSERT INTO run_scores (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash,
       source, value, raw, passed, reason, details, created_at)
     VALUES ('r1', 'ca', 'v1', 'acme', 'm', 0, ?, 'h', ?, ?, ?, NULL, '', '{}', 't')`,
  ).run(metric, source, value, value)
}

const totals = (db: Database.Database) =>
  db
    .prepare(`SELECT metric, tag, n, total FROM run_score_totals WHERE run_id = 'r1' ORDER BY metric, tag`)
    .all()

describe('0016_scorer_sources', () => {
  it('is the sixteenth migration', () => {
    expect(bundledMigrations[15]?.name).toBe('0016_scorer_sources.sql')
  })

  it('keeps every stored score, its rowid and the totals, and accepts code and assertions scores', () => {
    const db = v15WithScores()
    const before = db.prepare('SELECT rowid, * FROM run_scores ORDER BY rowid').all()
    const totalsBefore = totals(db)
    expect(() => insertScore(db, 'custom', 'code', 1)).toThrow(/CHECK/)
    applyMigrations(db, bundledMigrations.slice(0, 16), () => 't1')
    expect(db.prepare('SELECT rowid, * FROM run_scores ORDER BY rowid').all()).toEqual(before)
    expect(totals(db)).toEqual(totalsBefore)
    insertScore(db, 'custom', 'code', 1)
    insertScore(db, 'promptfoo', 'assertions', 0)
    expect(() => insertScore(db, 'other', 'magic', 1)).toThrow(/CHECK/)
  })

  it('keeps the totals triggers: new, changed and removed scores move their slice and tag totals', () => {
    const db = v15WithScores()
    applyMigrations(db, bundledMigrations.slice(0, 16), () => 't1')
    insertScore(db, 'custom', 'code', 0.25)
    expect(totals(db)).toContainEqual({ metric: 'custom', tag: 'tier:pro', n: 1, total: 0.25 })
    db.exec(`UPDATE run_scores SET value = 0.75 WHERE metric = 'custom'`)
    expect(totals(db)).toContainEqual({ metric: 'custom', tag: '', n: 1, total: 0.75 })
    db.exec(`DELETE FROM run_scores WHERE metric = 'custom'`)
    expect(totals(db)).toContainEqual({ metric: 'custom', tag: '', n: 0, total: 0 })
    const indexes = db.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'run_scores'`,
    )
    expect(indexes.all().map((r) => (r as { name: string }).name)).toEqual(
      expect.arrayContaining(['run_scores_by_metric', 'run_scores_by_slice']),
    )
  })
})
