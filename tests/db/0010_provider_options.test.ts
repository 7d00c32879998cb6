import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function upTo(count: number): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, count)) db.exec(m.sql)
  return db
}

const insertV5 = (db: Database.Database) =>
  db
    .prepare(
      `INSERT INTO provider_settings (name, kind, base_url, concurrency, requests_per_minute, updated_at)
       VALUES ('local-llm', 'openai-compatible', 'http://127.0.0.1:11434/v1', 4, 600, 't')`,
    )
    .run()

describe('0010_provider_options', () => {
  it('is the tenth migration', () => {
    expect(bundledMigrations[9]?.name).toBe('0010_provider_options.sql')
  })

  it('keeps existing providers and gives them automatic locality and timeouts', () => {
    const db = upTo(9)
    insertV5(db)
    const migration = bundledMigrations[9]
    if (!migration) throw new Error('missing migration')
    db.exec(migration.sql)
    const row = db.prepare(`SELECT * FROM provider_settings WHERE name = 'local-llm'`).get()
    expect(row).toMatchObject({
      base_url: 'http://127.0.0.1:11434/v1',
      concurrency: 4,
      requests_per_minute: 600,
      locality: 'auto',
      request_timeout_ms: null,
      idle_timeout_ms: null,
    })
  })

  it('refuses an unknown locality and timeouts out of bounds', () => {
    const db = upTo(10)
    insertV5(db)
    const update = (sql: string) => () => db.prepare(`UPDATE provider_settings SET ${sql}`).run()
    expect(update(`locality = 'free'`)).toThrow(/CHECK/)
    expect(update('request_timeout_ms = 999')).toThrow(/CHECK/)
    expect(update('idle_timeout_ms = 600001')).toThrow(/CHECK/)
    expect(update(`locality = 'hosted', request_timeout_ms = 30000, idle_timeout_ms = 5000`)).not.toThrow()
  })
})
