import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

const hash = `sha256:${'a'.repeat(64)}`

/** Every migration up to 0008, with a prompt, a dataset snapshot and a run to sign off. */
function signoffDb(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, 8)) db.exec(m.sql)
  db.exec(`
    INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p1', 'Triage', 't', 't');
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d1', 'Golden', 't', 't');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd1', 1, 'm', 't', 'a', 0, 'h');
    INSERT INTO runs (id, name, status, plan, dataset_snapshot_id, price_table, created_at, created_by, counts)
      VALUES ('r1', 'Run', 'completed', '{}', 's1', '{}', 't', 'a', '{}');
  `)
  return db
}

function insertSignoff(db: Database.Database, values: Record<string, unknown> = {}): void {
  db.prepare(
    `INSERT INTO signoffs (id, prompt_id, dataset_snapshot_id, run_id, slice, name, role, comment, signed_at,
       run_content_hash, files, signature)
     VALUES (@id, 'p1', 's1', 'r1', @slice, @name, @role, '', @signedAt, @hash, '{}', @signature)`,
  ).run({
    id: 'so1',
    slice: '{}',
    name: 'Ana',
    role: 'PM',
    signedAt: 't1',
    hash,
    signature: null,
    ...values,
  })
}

describe('migration 0008 (sign-offs and bundle exports)', () => {
  it('is the eighth bundled migration', () => {
    expect(bundledMigrations[7]?.name).toMatch(/0008_signoffs/)
  })

  it('keeps an identical sign-off (prompt, content, name, role, time) once', () => {
    const db = signoffDb()
    insertSignoff(db)
    expect(() => insertSignoff(db, { id: 'so2' })).toThrow(/UNIQUE/)
    insertSignoff(db, { id: 'so3', signedAt: 't2' })
    insertSignoff(db, { id: 'so4', role: 'Reviewer' })
    expect(db.prepare('SELECT count(*) AS n FROM signoffs').get()).toEqual({ n: 3 })
  })

  it('refuses empty names and roles, invalid JSON and unknown runs', () => {
    const db = signoffDb()
    expect(() => insertSignoff(db, { name: '' })).toThrow(/CHECK/)
    expect(() => insertSignoff(db, { role: '' })).toThrow(/CHECK/)
    expect(() => insertSignoff(db, { slice: 'nope' })).toThrow(/CHECK/)
    expect(() => insertSignoff(db, { signature: '{' })).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO signoffs (id, prompt_id, dataset_snapshot_id, run_id, slice, name, role, comment, signed_at,
             run_content_hash, files) VALUES ('x', 'p1', 's1', 'r_missing', '{}', 'A', 'B', '', 't', ?, '{}')`,
        )
        .run(hash),
    ).toThrow(/FOREIGN KEY/)
  })

  it('deleting a prompt removes its sign-offs and its export records', () => {
    const db = signoffDb()
    insertSignoff(db)
    db.exec(`INSERT INTO bundle_exports (prompt_id, folder, exported_at, exported_by, manifest_sha256)
      VALUES ('p1', '/repo/evals', 't', 'a', 'h')`)
    db.exec("DELETE FROM prompts WHERE id = 'p1'")
    for (const table of ['signoffs', 'bundle_exports']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 })
    }
  })
})
