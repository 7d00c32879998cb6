import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

function upgraded(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  for (const m of bundledMigrations.slice(0, 5)) db.exec(m.sql)
  return db
}

const addProvider = (db: Database.Database, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO provider_settings (name, kind, base_url, concurrency, requests_per_minute, updated_at)
       VALUES (@name, @kind, @baseUrl, @concurrency, @rpm, 't')`,
    )
    .run({
      name: 'ollama',
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      concurrency: 2,
      rpm: null,
      ...values,
    })

const addPrice = (db: Database.Database, values: Record<string, unknown>) =>
  db
    .prepare(
      `INSERT INTO price_overrides (provider, model, input_per_mtok, output_per_mtok, cached_input_per_mtok, updated_at)
       VALUES (@provider, @model, @input, @output, @cached, 't')`,
    )
    .run({ provider: 'openai', model: 'gpt-4o-mini', input: 0.1, output: 0.4, cached: null, ...values })

describe('0005_provider_settings', () => {
  it('is the fifth migration and creates two STRICT tables', () => {
    expect(bundledMigrations[4]?.name).toBe('0005_provider_settings.sql')
    const db = upgraded()
    const sql = db
      .prepare("SELECT sql FROM sqlite_master WHERE name IN ('provider_settings', 'price_overrides')")
      .pluck()
      .all() as string[]
    expect(sql).toHaveLength(2)
    for (const s of sql) expect(s).toMatch(/\) STRICT$/)
  })

  it('has no column that could hold an API key', () => {
    const db = upgraded()
    const columns = (table: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).join(',')
    expect(columns('provider_settings')).toBe('name,kind,base_url,concurrency,requests_per_minute,updated_at')
    expect(columns('price_overrides')).toBe(
      'provider,model,input_per_mtok,output_per_mtok,cached_input_per_mtok,updated_at',
    )
    const everyColumn = db
      .prepare(`SELECT p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'`)
      .pluck()
      .all() as string[]
    expect(everyColumn.filter((c) => /api|secret|password|credential/i.test(c))).toEqual([])
  })

  it('keeps one row per provider name and refuses an unknown kind or bad limits', () => {
    const db = upgraded()
    addProvider(db, {})
    expect(() => addProvider(db, {})).toThrow(/UNIQUE/)
    expect(() => addProvider(db, { name: 'x', kind: 'azure' })).toThrow(/CHECK/)
    expect(() => addProvider(db, { name: 'x', concurrency: 0 })).toThrow(/CHECK/)
    expect(() => addProvider(db, { name: 'x', concurrency: 257 })).toThrow(/CHECK/)
    expect(() => addProvider(db, { name: 'x', rpm: 0 })).toThrow(/CHECK/)
    expect(() => addProvider(db, { name: 'x', concurrency: 'many' })).toThrow(
      /cannot store TEXT value in INTEGER column/,
    )
  })

  it('requires a base URL for an OpenAI-compatible provider only', () => {
    const db = upgraded()
    expect(() => addProvider(db, { name: 'vllm', baseUrl: null })).toThrow(/CHECK/)
    expect(addProvider(db, { name: 'openai', kind: 'openai', baseUrl: null, rpm: 500 }).changes).toBe(1)
  })

  it('keeps one price per (provider, model) and refuses negative prices', () => {
    const db = upgraded()
    addPrice(db, {})
    expect(() => addPrice(db, {})).toThrow(/UNIQUE/)
    expect(addPrice(db, { model: 'gpt-4o', cached: 1.25 }).changes).toBe(1)
    expect(addPrice(db, { provider: 'ollama', input: 0, output: 0 }).changes).toBe(1)
    expect(() => addPrice(db, { model: 'm', input: -1 })).toThrow(/CHECK/)
    expect(() => addPrice(db, { model: 'm', cached: -0.5 })).toThrow(/CHECK/)
    expect(() => addPrice(db, { model: '' })).toThrow(/CHECK/)
    expect(() => addPrice(db, { model: 'm', output: 'cheap' })).toThrow(
      /cannot store TEXT value in REAL column/,
    )
  })
})
