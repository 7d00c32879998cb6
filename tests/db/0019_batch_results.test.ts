import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function v19WithResult(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 18), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots
      (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 0, 'h1', 1);
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'completed', '{}', 's1', '[]', 't', 'a', '{}');
    INSERT INTO run_results (run_id, case_id, prompt_version_id, prompt_hash, provider, model_id, repeat, params,
        request, attempts, attempt_log, cached, created_at)
      VALUES ('r1', 'c1', 'v1', 'h', 'acme', 'm', 0, '{}', '{}', 1, '[]', 0, 't');
  `)
  applyMigrations(db, bundledMigrations.slice(0, 19), () => 't1')
  return db
}

describe('0019_batch_results', () => {
  it('is the nineteenth migration', () => {
    expect(bundledMigrations[18]?.name).toBe('0019_batch_results.sql')
  })

  it('marks every result stored before as streamed, and takes only 0 or 1', () => {
    const db = v19WithResult()
    expect(db.prepare('SELECT batch FROM run_results').all()).toEqual([{ batch: 0 }])
    db.prepare("UPDATE run_results SET batch = 1, total_ms = NULL, ttft_ms = NULL WHERE run_id = 'r1'").run()
    expect(db.prepare('SELECT batch FROM run_results').all()).toEqual([{ batch: 1 }])
    expect(() => db.prepare('UPDATE run_results SET batch = 2').run()).toThrow(/CHECK/)
  })
})
