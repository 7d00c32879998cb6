import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function migration(version: number): string {
  const m = bundledMigrations[version - 1]
  if (!m) throw new Error(`migration ${version} missing`)
  return m.sql
}

/** A workspace as 0002 left it: two datasets with cases, a prompt, an environment pointer, audit entries. */
function workspaceAt0002(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  db.exec(migration(1))
  db.exec(migration(2))
  db.exec(`
    INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p', 'Triage', 't', 't');
    INSERT INTO prompt_versions (id, prompt_id, number, messages, model_provider, model_id, params, author, message, content_hash, created_at)
      VALUES ('p1', 'p', 1, '[]', 'openai', 'gpt-4o-mini-2024-07-18', '{}', 'a', 'm', 'h1', 't');
    INSERT INTO prompt_environments (prompt_id, env, version_id, updated_at, updated_by) VALUES ('p', 'prod', 'p1', 't', 'a');
    INSERT INTO datasets (id, name, created_at, updated_at) VALUES ('d', 'Golden', 't', 't'), ('e', 'Other', 't', 't');
    INSERT INTO dataset_cases (id, dataset_id, case_key, position, vars, expected, expected_output, tags, notes) VALUES
      ('c1', 'd', 'k1', 0, '{"q":"hello"}', '{}', NULL, '["segment:smb"]', ''),
      ('c2', 'd', 'k2', 1, '{"q":"bye"}', '{"n":2}', 'x', '[]', 'note'),
      ('c3', 'e', 'k1', 0, '{"q":"hello"}', '{}', NULL, '[]', '');
    INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) VALUES ('t', 'a', 'prompt.created', 'prompt', 'p', '{}');
  `)
  return db
}

function upgraded(): Database.Database {
  const db = workspaceAt0002()
  db.exec(migration(3))
  return db
}

const count = (db: Database.Database, table: string) =>
  db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()

function addSnapshot(db: Database.Database, id: string, dataset: string, number: number, cases: number) {
  db.prepare(
    `INSERT INTO dataset_snapshots (id, dataset_id, number, message, created_at, created_by, case_count, content_hash)
     VALUES (?, ?, ?, 'm', 't', 'a', ?, 'h')`,
  ).run(id, dataset, number, cases)
}
const addRevision = (db: Database.Database, hash: string) =>
  db
    .prepare(
      "INSERT INTO case_revisions (hash, case_key, vars, expected, expected_output, tags, notes) VALUES (?, 'k', '{}', '{}', NULL, '[]', '')",
    )
    .run(hash)
const addMember = (db: Database.Database, snapshot: string, position: number, caseId: string, hash: string) =>
  db
    .prepare(
      'INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash) VALUES (?, ?, ?, ?)',
    )
    .run(snapshot, position, caseId, hash)

/** Dataset d with snapshot s1 of two cases (revisions r1, r2). */
function withSnapshot(): Database.Database {
  const db = upgraded()
  addRevision(db, 'r1')
  addRevision(db, 'r2')
  addSnapshot(db, 's1', 'd', 1, 2)
  addMember(db, 's1', 0, 'c1', 'r1')
  addMember(db, 's1', 1, 'c2', 'r2')
  return db
}

describe('0003_dataset_versions', () => {
  it('migrates a 0002 workspace with data: every row kept, new columns empty, new tables STRICT', () => {
    const db = upgraded()
    expect(db.prepare('SELECT id, parent_id FROM datasets ORDER BY id').all()).toEqual([
      { id: 'd', parent_id: null },
      { id: 'e', parent_id: null },
    ])
    expect(
      db.prepare('SELECT id, case_key, vars, revision_hash FROM dataset_cases ORDER BY id').all(),
    ).toEqual([
      { id: 'c1', case_key: 'k1', vars: '{"q":"hello"}', revision_hash: null },
      { id: 'c2', case_key: 'k2', vars: '{"q":"bye"}', revision_hash: null },
      { id: 'c3', case_key: 'k1', vars: '{"q":"hello"}', revision_hash: null },
    ])
    expect([count(db, 'prompt_environments'), count(db, 'audit_log'), count(db, 'prompt_versions')]).toEqual([
      1, 1, 1,
    ])
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('case_revisions', 'dataset_snapshots', 'dataset_snapshot_cases')",
      )
      .all()
    expect(tables).toHaveLength(3)
    for (const t of tables) expect(t.sql).toMatch(/\) STRICT(, WITHOUT ROWID)?$/)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('numbers snapshots uniquely per dataset and pages members by position', () => {
    const db = withSnapshot()
    expect(() => addSnapshot(db, 's1b', 'd', 1, 1)).toThrow(/UNIQUE/)
    addSnapshot(db, 'e1', 'e', 1, 1)
    addMember(db, 'e1', 0, 'c3', 'r1')
    expect(() => addSnapshot(db, 'bad', 'd', 0, 1)).toThrow(/CHECK/)
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM dataset_snapshot_cases WHERE snapshot_id = 's1' ORDER BY position",
      )
      .all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).not.toMatch(/TEMP B-TREE/)
  })

  it('keeps snapshots immutable: no update, no direct delete, no extra member', () => {
    const db = withSnapshot()
    expect(() => db.prepare("UPDATE dataset_snapshots SET message = 'x'").run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM dataset_snapshots').run()).toThrow(/immutable/)
    expect(() => db.prepare("UPDATE dataset_snapshot_cases SET case_id = 'c9'").run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM dataset_snapshot_cases').run()).toThrow(/immutable/)
    expect(() => addMember(db, 's1', 2, 'c9', 'r1')).toThrow(/immutable/)
    expect(() => db.prepare("UPDATE case_revisions SET notes = 'x'").run()).toThrow(/immutable/)
    expect(() => db.prepare("DELETE FROM case_revisions WHERE hash = 'r1'").run()).toThrow(/FOREIGN KEY/)
    expect(() => addMember(db, 's1', 1, 'c1', 'missing')).toThrow(/PRIMARY KEY|UNIQUE|FOREIGN KEY/)
    expect([count(db, 'dataset_snapshots'), count(db, 'dataset_snapshot_cases')]).toEqual([1, 2])
  })

  it('lets snapshots leave with their dataset, and unlinks datasets made from it', () => {
    const db = withSnapshot()
    db.prepare("UPDATE datasets SET parent_id = 'd' WHERE id = 'e'").run()
    expect(() => db.prepare("UPDATE datasets SET parent_id = 'nope' WHERE id = 'e'").run()).toThrow(
      /FOREIGN KEY/,
    )
    db.prepare("DELETE FROM datasets WHERE id = 'd'").run()
    expect([count(db, 'dataset_snapshots'), count(db, 'dataset_snapshot_cases')]).toEqual([0, 0])
    expect(db.prepare("SELECT parent_id FROM datasets WHERE id = 'e'").pluck().get()).toBeNull()
    // Revisions outlive the snapshot; with no member left they can be removed.
    db.prepare(
      'DELETE FROM case_revisions WHERE hash NOT IN (SELECT revision_hash FROM dataset_snapshot_cases)',
    ).run()
    expect(count(db, 'case_revisions')).toBe(0)
  })
})
