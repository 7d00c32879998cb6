import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function migratedTo0001(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  const m = bundledMigrations[0]
  if (!m) throw new Error('0001 missing')
  db.exec(m.sql)
  return db
}

describe('0001_init', () => {
  it('creates STRICT tables for the registry, datasets, rubrics and the audit log', () => {
    const db = migratedTo0001()
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all() as { name: string; sql: string }[]
    expect(tables.map((t) => t.name)).toEqual([
      'audit_log',
      'dataset_cases',
      'datasets',
      'prompt_versions',
      'prompts',
      'rubrics',
      'workspace_meta',
    ])
    for (const t of tables) expect(t.sql).toMatch(/\) STRICT$/)
  })

  it('keeps prompt versions immutable and the audit log append-only', () => {
    const db = migratedTo0001()
    db.prepare("INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p', 'P', 't', 't')").run()
    db.prepare(
      `INSERT INTO prompt_versions (id, prompt_id, number, messages, model_provider, model_id, params, author, message, content_hash, created_at)
       VALUES ('v', 'p', 1, '[]', 'openai', 'gpt', '{}', 'a', 'm', 'h', 't')`,
    ).run()
    expect(() => db.prepare("UPDATE prompt_versions SET message = 'x'").run()).toThrow(/immutable/)
    expect(() => db.prepare('DELETE FROM prompt_versions').run()).toThrow(/immutable/)
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) VALUES ('t', 'a', 'x', 'prompt', 'p', '{}')",
    ).run()
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/)
  })

  it('rejects invalid JSON, dangling references and duplicate version numbers', () => {
    const db = migratedTo0001()
    db.prepare("INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('p', 'P', 't', 't')").run()
    const insert = db.prepare(
      `INSERT INTO prompt_versions (id, prompt_id, number, messages, model_provider, model_id, params, author, message, content_hash, created_at)
       VALUES (?, ?, ?, ?, 'openai', 'gpt', '{}', 'a', 'm', 'h', 't')`,
    )
    expect(() => insert.run('v1', 'p', 1, 'not json')).toThrow(/CHECK/)
    expect(() => insert.run('v1', 'missing', 1, '[]')).toThrow(/FOREIGN KEY/)
    insert.run('v1', 'p', 1, '[]')
    expect(() => insert.run('v2', 'p', 1, '[]')).toThrow(/UNIQUE/)
    expect(() =>
      db.prepare("INSERT INTO prompts (id, name, created_at, updated_at) VALUES ('q', 'p', 't', 't')").run(),
    ).toThrow(/UNIQUE/)
  })
})
