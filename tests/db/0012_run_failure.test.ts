import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function v11WithRun(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 11), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'failed', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  return db
}

describe('0012_run_failure', () => {
  it('is the twelfth migration', () => {
    expect(bundledMigrations[11]?.name).toBe('0012_run_failure.sql')
  })

  it('keeps existing runs, with no reason recorded for an old failure', () => {
    const db = v11WithRun()
    applyMigrations(db, bundledMigrations.slice(0, 12), () => 't1')
    expect(db.prepare(`SELECT status, failure FROM runs WHERE id = 'r1'`).get()).toEqual({
      status: 'failed',
      failure: null,
    })
  })

  it('stores a reason as JSON and refuses anything else', () => {
    const db = v11WithRun()
    applyMigrations(db, bundledMigrations.slice(0, 12), () => 't1')
    const set = (value: string) => () => db.prepare(`UPDATE runs SET failure = ? WHERE id = 'r1'`).run(value)
    expect(set('not json')).toThrow(/CHECK/)
    expect(
      set(JSON.stringify({ kind: 'key-refused', message: 'Provider "x" refused the API key' })),
    ).not.toThrow()
  })
})
