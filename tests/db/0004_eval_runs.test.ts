import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function upgraded(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, 4)) db.exec(m.sql)
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r', 'Run', 'running', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  return db
}

const addResult = (db: Database.Database, caseId: string, repeat = 0) =>
  db
    .prepare(
      `INSERT OR IGNORE INTO run_results (run_id, case_id, prompt_version_id, prompt_hash, provider, model_id,
         repeat, params, request, attempts, attempt_log, created_at)
       VALUES ('r', ?, 'pv', 'h', 'demo', 'm', ?, '{}', '{}', 1, '[]', 't')`,
    )
    .run(caseId, repeat).changes

describe('0004_eval_runs', () => {
  it('is the fourth migration', () => {
    expect(bundledMigrations[3]?.name).toBe('0004_eval_runs.sql')
  })

  it('keeps one result per (run, case, version, model, repeat)', () => {
    const db = upgraded()
    expect(addResult(db, 'c1')).toBe(1)
    expect(addResult(db, 'c1')).toBe(0)
    expect(addResult(db, 'c1', 1)).toBe(1)
    expect(db.prepare('SELECT COUNT(*) FROM run_results').pluck().get()).toBe(2)
  })

  it('refuses an unknown status, a missing snapshot and invalid JSON', () => {
    const db = upgraded()
    expect(() => db.exec("UPDATE runs SET status = 'done' WHERE id = 'r'")).toThrow(/CHECK/)
    expect(() => db.exec("UPDATE runs SET dataset_snapshot_id = 'nope' WHERE id = 'r'")).toThrow(
      /FOREIGN KEY/,
    )
    expect(() => db.exec("UPDATE runs SET plan = '{' WHERE id = 'r'")).toThrow(/CHECK/)
  })

  it('refuses deleting a dataset whose snapshot a run references', () => {
    const db = upgraded()
    expect(() => db.exec("DELETE FROM datasets WHERE id = 'd'")).toThrow(/FOREIGN KEY/)
  })

  it('removes results with their run and is strict about types', () => {
    const db = upgraded()
    addResult(db, 'c1')
    expect(() => db.exec(`UPDATE run_results SET attempts = 'many'`)).toThrow(
      /cannot store TEXT value in INTEGER column/,
    )
    db.exec("DELETE FROM runs WHERE id = 'r'")
    expect(db.prepare('SELECT COUNT(*) FROM run_results').pluck().get()).toBe(0)
  })

  it('stores cached responses once per request hash', () => {
    const db = upgraded()
    const put = db.prepare("INSERT OR IGNORE INTO response_cache VALUES (?, '{}', 't')")
    expect(put.run('h').changes).toBe(1)
    expect(put.run('h').changes).toBe(0)
  })
})
