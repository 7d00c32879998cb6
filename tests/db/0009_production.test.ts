import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** Every migration up to 0009, with a prompt, a dataset snapshot and a run an import can point at. */
function productionDb(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, 9)) db.exec(m.sql)
  db.exec(`
    INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p1', 'Triage', 't', 't');
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'Production · Triage', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd1', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Production sample', 'completed', '{}', 's1', '[]', 't', 'a', '{}');
  `)
  return db
}

function insertSettings(db: Database.Database, values: Record<string, unknown> = {}): void {
  db.prepare(
    `INSERT INTO production_settings (prompt_id, sample_rate, seed, thresholds, updated_at, updated_by)
     VALUES (@promptId, @rate, @seed, @thresholds, 't', 'a')`,
  ).run({ promptId: 'p1', rate: 0.2, seed: 1, thresholds: '[]', ...values })
}

function insertImport(db: Database.Database, values: Record<string, unknown> = {}): void {
  db.prepare(
    `INSERT INTO production_imports (id, prompt_id, file_name, format, imported_at, imported_by, total, sampled,
       sample_rate, period_start, period_end, run_id, dataset_id, scored_suite_version)
     VALUES (@id, 'p1', 'log.jsonl', @format, 't', 'a', @total, @sampled, 0.2, NULL, NULL, @runId, 'd1', NULL)`,
  ).run({ id: 'i1', format: 'openai-log', total: 10, sampled: 2, runId: 'r1', ...values })
}

describe('migration 0009 (production samples)', () => {
  it('is the ninth bundled migration', () => {
    expect(bundledMigrations[8]?.name).toMatch(/0009_production/)
  })

  it('keeps one settings row per prompt and checks rate, seed and thresholds JSON', () => {
    const db = productionDb()
    insertSettings(db)
    expect(() => insertSettings(db)).toThrow(/UNIQUE|PRIMARY/)
    db.exec('DELETE FROM production_settings')
    expect(() => insertSettings(db, { rate: 0 })).toThrow(/CHECK/)
    expect(() => insertSettings(db, { rate: 1.5 })).toThrow(/CHECK/)
    expect(() => insertSettings(db, { seed: -1 })).toThrow(/CHECK/)
    expect(() => insertSettings(db, { thresholds: '[' })).toThrow(/CHECK/)
    expect(() => insertSettings(db, { promptId: 'nope' })).toThrow(/FOREIGN KEY/)
  })

  it('refuses an unknown format, more sampled than total and an unknown run', () => {
    const db = productionDb()
    insertImport(db)
    expect(() => insertImport(db, { id: 'i2', format: 'csv' })).toThrow(/CHECK/)
    expect(() => insertImport(db, { id: 'i3', sampled: 11 })).toThrow(/CHECK/)
    expect(() => insertImport(db, { id: 'i4', runId: 'r9' })).toThrow(/FOREIGN KEY/)
  })

  it('goes with its prompt', () => {
    const db = productionDb()
    insertSettings(db)
    insertImport(db)
    db.exec("DELETE FROM prompts WHERE id = 'p1'")
    expect(db.prepare('SELECT count(*) AS n FROM production_imports').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM production_settings').get()).toEqual({ n: 0 })
  })
})
