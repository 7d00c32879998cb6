import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function migration(version: number): string {
  const m = bundledMigrations[version - 1]
  if (!m) throw new Error(`migration ${version} missing`)
  return m.sql
}

/** A workspace as 0001 left it: two prompts with versions, and an audit entry. */
function workspaceAt0001(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  db.exec(migration(1))
  const prompt = db.prepare("INSERT INTO prompts (id, name, created_at, updated_at) VALUES (?, ?, 't', 't')")
  prompt.run('p', 'Triage')
  prompt.run('q', 'Drafter')
  const version = db.prepare(
    `INSERT INTO prompt_versions (id, prompt_id, number, messages, model_provider, model_id, params, author, message, content_hash, created_at)
     VALUES (?, ?, ?, '[]', 'openai', 'gpt-4o-mini-2024-07-18', '{}', 'a', 'm', ?, 't')`,
  )
  version.run('p1', 'p', 1, 'h1')
  version.run('p2', 'p', 2, 'h2')
  version.run('q1', 'q', 1, 'h3')
  db.prepare(
    "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) VALUES ('t', 'a', 'version.created', 'prompt', 'p', '{}')",
  ).run()
  return db
}

function upgraded(): Database.Database {
  const db = workspaceAt0001()
  db.exec(migration(2))
  return db
}

const setEnv = (db: Database.Database) =>
  db.prepare(
    "INSERT INTO prompt_environments (prompt_id, env, version_id, updated_at, updated_by) VALUES (?, ?, ?, 't', 'a')",
  )
const addApproval = (db: Database.Database) =>
  db.prepare(
    "INSERT INTO approvals (id, prompt_id, version_id, env, approver, comment, created_at) VALUES (?, ?, ?, ?, 'a', 'ok', 't')",
  )

describe('0002_prompt_registry', () => {
  it('adds STRICT environment and approval tables and keeps every 0001 row', () => {
    const db = upgraded()
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('prompt_environments', 'approvals')",
      )
      .all()
    expect(tables.map((t) => t.name).sort()).toEqual(['approvals', 'prompt_environments'])
    for (const t of tables) expect(t.sql).toMatch(/\) STRICT$/)
    expect(db.prepare('SELECT id FROM prompt_versions ORDER BY id').pluck().all()).toEqual(['p1', 'p2', 'q1'])
    expect(db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(1)
    expect(db.prepare('SELECT COUNT(*) FROM prompt_environments').pluck().get()).toBe(0)
  })

  it('holds one pointer per prompt and environment, only staging or prod', () => {
    const db = upgraded()
    setEnv(db).run('p', 'prod', 'p1')
    setEnv(db).run('p', 'staging', 'p2')
    expect(() => setEnv(db).run('p', 'prod', 'p2')).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => setEnv(db).run('q', 'dev', 'q1')).toThrow(/CHECK/)
    db.prepare(
      "UPDATE prompt_environments SET version_id = 'p2' WHERE prompt_id = 'p' AND env = 'prod'",
    ).run()
    expect(db.prepare("SELECT version_id FROM prompt_environments WHERE env = 'prod'").pluck().get()).toBe(
      'p2',
    )
  })

  it('refuses a pointer or approval to a missing version or to another prompt’s version', () => {
    const db = upgraded()
    expect(() => setEnv(db).run('p', 'prod', 'missing')).toThrow(/FOREIGN KEY/)
    expect(() => setEnv(db).run('p', 'prod', 'q1')).toThrow(/FOREIGN KEY/)
    expect(() => addApproval(db).run('a1', 'p', 'q1', 'prod')).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("UPDATE prompt_versions SET message = 'x'").run()).toThrow(/immutable/)
  })

  it('keeps approvals append-only', () => {
    const db = upgraded()
    addApproval(db).run('a1', 'p', 'p2', 'prod')
    expect(() => addApproval(db).run('a2', 'p', 'p2', 'qa')).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE approvals SET comment = 'changed'").run()).toThrow(/append-only/)
    expect(() => db.prepare('DELETE FROM approvals').run()).toThrow(/append-only/)
    expect(db.prepare('SELECT comment FROM approvals').pluck().all()).toEqual(['ok'])
  })
})
