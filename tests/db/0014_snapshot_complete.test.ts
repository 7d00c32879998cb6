import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A v13 workspace with one two-case snapshot. */
function v13WithSnapshot(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 13), () => 't0')
  db.exec(`
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't');
    INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes) VALUES
      ('ha', 'a', '{}', '{}', NULL, '[]', ''), ('hb', 'b', '{}', '{}', NULL, '[]', '');
    INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
      VALUES ('s1', 'd', 1, 'm', 't', 'a', 2, 'h1');
    INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES
      ('s1', 0, 'ca', 'ha'), ('s1', 1, 'cb', 'hb');
  `)
  applyMigrations(db, bundledMigrations.slice(0, 14), () => 't1')
  return db
}

function addDraft(db: Database.Database, id: string, caseCount: number): void {
  db.prepare(
    `INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash, complete)
     VALUES (?, 'd', 1000000000, 'm', 't', 'a', ?, '', 0)`,
  ).run(id, caseCount)
}

const addMember = (db: Database.Database, snapshotId: string, position: number, revision: string) =>
  db
    .prepare(
      'INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES (?, ?, ?, ?)',
    )
    .run(snapshotId, position, `c${position}`, revision)

const members = (db: Database.Database, snapshotId: string) =>
  db.prepare('SELECT COUNT(*) AS n FROM dataset_snapshot_cases WHERE snapshot_id = ?').get(snapshotId)

describe('0014_snapshot_complete', () => {
  it('is the fourteenth migration', () => {
    expect(bundledMigrations[13]?.name).toBe('0014_snapshot_complete.sql')
  })

  it('keeps existing snapshots complete and as immutable as before', () => {
    const db = v13WithSnapshot()
    expect(db.prepare(`SELECT complete, number FROM dataset_snapshots WHERE id = 's1'`).get()).toEqual({
      complete: 1,
      number: 1,
    })
    expect(() => db.exec(`UPDATE dataset_snapshots SET content_hash = 'x' WHERE id = 's1'`)).toThrow(
      /immutable/,
    )
    expect(() => db.exec(`UPDATE dataset_snapshots SET complete = 0 WHERE id = 's1'`)).toThrow(/immutable/)
    expect(() => db.exec(`DELETE FROM dataset_snapshots WHERE id = 's1'`)).toThrow(/immutable/)
    expect(() => db.exec(`DELETE FROM dataset_snapshot_cases WHERE snapshot_id = 's1'`)).toThrow(/immutable/)
    expect(() => addMember(db, 's1', 1, 'ha')).toThrow()
    expect(() => db.exec(`UPDATE dataset_snapshots SET case_count = 3 WHERE id = 's1'`)).toThrow(/immutable/)
  })

  it('lets a draft take members, refuses completing it early, then seals it for good', () => {
    const db = v13WithSnapshot()
    addDraft(db, 's2', 2)
    addMember(db, 's2', 0, 'ha')
    expect(() => db.exec(`UPDATE dataset_snapshots SET complete = 1 WHERE id = 's2'`)).toThrow(
      /all its members/,
    )
    expect(() => addMember(db, 's2', 2, 'hb')).toThrow(/no member can be added/)
    addMember(db, 's2', 1, 'hb')
    expect(() => db.exec(`UPDATE dataset_snapshots SET message = 'other' WHERE id = 's2'`)).toThrow(
      /immutable/,
    )
    db.exec(`UPDATE dataset_snapshots SET complete = 1, number = 2, content_hash = 'h2' WHERE id = 's2'`)
    expect(() => addMember(db, 's2', 1, 'ha')).toThrow()
    expect(() => db.exec(`DELETE FROM dataset_snapshots WHERE id = 's2'`)).toThrow(/immutable/)
    expect(() => db.exec(`UPDATE dataset_snapshots SET number = 3 WHERE id = 's2'`)).toThrow(/immutable/)
    expect(members(db, 's2')).toEqual({ n: 2 })
  })

  it('lets a draft be removed with its members, and a member of a draft be removed', () => {
    const db = v13WithSnapshot()
    addDraft(db, 's2', 2)
    addMember(db, 's2', 0, 'ha')
    addMember(db, 's2', 1, 'hb')
    db.exec(`DELETE FROM dataset_snapshot_cases WHERE snapshot_id = 's2' AND position = 1`)
    db.exec(`DELETE FROM dataset_snapshots WHERE id = 's2'`)
    expect(members(db, 's2')).toEqual({ n: 0 })
    expect(members(db, 's1')).toEqual({ n: 2 })
  })

  it('still removes every snapshot with its dataset', () => {
    const db = v13WithSnapshot()
    addDraft(db, 's2', 2)
    addMember(db, 's2', 0, 'ha')
    db.exec(`DELETE FROM datasets WHERE id = 'd'`)
    expect(db.prepare('SELECT COUNT(*) AS n FROM dataset_snapshot_cases').get()).toEqual({ n: 0 })
  })
})
