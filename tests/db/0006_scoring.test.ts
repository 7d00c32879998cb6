import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A database at v5 with one prompt, dataset snapshot and run, then migration 0006 on top. */
function upgraded(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, 5)) db.exec(m.sql)
  db.exec(`
    INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p', 'Triage', 't', 't');
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r', 'Run', 'completed', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  const v6 = bundledMigrations[5]
  if (!v6) throw new Error('migration 0006 is missing')
  db.exec(v6.sql)
  return db
}

const addScore = (db: Database.Database, values: Record<string, unknown> = {}) =>
  db
    .prepare(
      // ON CONFLICT DO NOTHING, as the repo does: OR IGNORE would also swallow CHECK failures.
      `INSERT INTO run_scores (run_id, case_id, prompt_version_id, model_id, repeat, metric, scorer_hash,
         source, value, raw, passed, reason, details, created_at)
       VALUES (@run, @case, 'pv', 'm', @repeat, @metric, @hash, @source, @value, @raw, @passed, '', @details, 't')
       ON CONFLICT DO NOTHING`,
    )
    .run({
      run: 'r',
      case: 'c1',
      repeat: 0,
      metric: 'format.json',
      hash: 'h1',
      source: 'format',
      value: 1,
      raw: 1,
      passed: 1,
      details: '{}',
      ...values,
    }).changes

const addSuite = (db: Database.Database, version: number, suite = '{"scorers":[],"gates":[]}') =>
  db
    .prepare(
      `INSERT INTO eval_suites (prompt_id, version, suite, message, created_at, created_by)
       VALUES ('p', ?, ?, 'm', 't', 'a')`,
    )
    .run(version, suite).changes

describe('0006_scoring', () => {
  it('is the sixth migration and its new tables are STRICT', () => {
    expect(bundledMigrations[5]?.name).toBe('0006_scoring.sql')
    const db = upgraded()
    const tables = ['eval_suites', 'run_scores', 'score_calls', 'baselines', 'gate_results']
    const sql = tables.map(
      (t) =>
        db
          .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")
          .pluck()
          .get(t) as string,
    )
    for (const s of sql) expect(s).toMatch(/\) STRICT$/)
  })

  it('keeps one score per result × metric × scorer fingerprint; a changed scorer adds a row', () => {
    const db = upgraded()
    expect(addScore(db)).toBe(1)
    expect(addScore(db, { value: 0 })).toBe(0)
    expect(addScore(db, { hash: 'h2', value: 0, passed: 0, raw: 0 })).toBe(1)
    expect(addScore(db, { repeat: 1 })).toBe(1)
    expect(db.prepare('SELECT COUNT(*) FROM run_scores').pluck().get()).toBe(3)
  })

  it('keeps values on 0..1, passed boolean, a known source and JSON details', () => {
    const db = upgraded()
    expect(() => addScore(db, { value: 1.5 })).toThrow(/CHECK/)
    expect(() => addScore(db, { value: -0.1 })).toThrow(/CHECK/)
    expect(() => addScore(db, { passed: 2 })).toThrow(/CHECK/)
    expect(() => addScore(db, { source: 'vibes' })).toThrow(/CHECK/)
    expect(() => addScore(db, { details: '{' })).toThrow(/CHECK/)
    expect(addScore(db, { value: null, raw: null, passed: null, source: 'judge' })).toBe(1)
  })

  it('versions suites per prompt from 1 and refuses invalid JSON', () => {
    const db = upgraded()
    expect(addSuite(db, 1)).toBe(1)
    expect(() => addSuite(db, 1)).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => addSuite(db, 0)).toThrow(/CHECK/)
    expect(() => addSuite(db, 2, '{')).toThrow(/CHECK/)
  })

  it('deletes scores and judge calls with their run', () => {
    const db = upgraded()
    addScore(db)
    db.exec(`INSERT INTO score_calls (run_id, case_id, prompt_version_id, model_id, repeat, metric, scorer_hash, sample,
      judge_provider, judge_model, request, attempts, created_at)
      VALUES ('r', 'c1', 'pv', 'm', 0, 'judge.x', 'h', 0, 'demo', 'sim', '{}', 1, 't')`)
    db.exec("DELETE FROM runs WHERE id = 'r'")
    expect(db.prepare('SELECT COUNT(*) FROM run_scores').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM score_calls').pluck().get()).toBe(0)
  })

  it('adds a nullable canary column to runs that must hold JSON', () => {
    const db = upgraded()
    expect(db.prepare("SELECT canary FROM runs WHERE id = 'r'").pluck().get()).toBeNull()
    db.exec(`UPDATE runs SET canary = '{"share":0.1}' WHERE id = 'r'`)
    expect(() => db.exec(`UPDATE runs SET canary = 'half' WHERE id = 'r'`)).toThrow(/CHECK/)
  })

  it('keeps one baseline per prompt and dataset snapshot', () => {
    const db = upgraded()
    const add = () =>
      db.exec(`INSERT INTO baselines (prompt_id, dataset_snapshot_id, run_id, prompt_version_id, provider, model_id,
        set_by, set_at) VALUES ('p', 's1', 'r', 'pv', 'demo', 'm', 'a', 't')`)
    add()
    expect(add).toThrow(/UNIQUE|PRIMARY KEY/)
  })
})
