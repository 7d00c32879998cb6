import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../electron/main/core/db/migrations'

/** A v17 workspace with two providers of the user's, then this migration. */
function v18(): Database.Database {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  applyMigrations(db, bundledMigrations.slice(0, 17), () => 't0')
  db.exec(`
    INSERT INTO provider_settings (name, kind, base_url, concurrency, requests_per_minute, updated_at, locality,
        request_timeout_ms, idle_timeout_ms)
      VALUES ('local-llm', 'openai-compatible', 'http://127.0.0.1:8000/v1', 2, NULL, 't', 'local', 60000, NULL),
             ('openai', 'openai', NULL, 12, 500, 't', 'auto', NULL, 5000);
  `)
  applyMigrations(db, bundledMigrations.slice(0, 18), () => 't1')
  return db
}

const insert = (db: Database.Database, row: string) =>
  db.exec(`INSERT INTO provider_settings (name, kind, base_url, concurrency, updated_at, api_version, region,
    deployments) VALUES ${row}`)

describe('0018_provider_kinds', () => {
  it('is the eighteenth migration', () => {
    expect(bundledMigrations[17]?.name).toBe('0018_provider_kinds.sql')
  })

  it('keeps every stored provider as it was, with no Azure or AWS options', () => {
    const rows = v18().prepare('SELECT * FROM provider_settings ORDER BY name').all()
    expect(rows).toEqual([
      {
        name: 'local-llm',
        kind: 'openai-compatible',
        base_url: 'http://127.0.0.1:8000/v1',
        concurrency: 2,
        requests_per_minute: null,
        updated_at: 't',
        locality: 'local',
        request_timeout_ms: 60000,
        idle_timeout_ms: null,
        api_version: null,
        region: null,
        deployments: '{}',
      },
      {
        name: 'openai',
        kind: 'openai',
        base_url: null,
        concurrency: 12,
        requests_per_minute: 500,
        updated_at: 't',
        locality: 'auto',
        request_timeout_ms: null,
        idle_timeout_ms: 5000,
        api_version: null,
        region: null,
        deployments: '{}',
      },
    ])
  })

  it('takes the new kinds with what each needs, and refuses them without it', () => {
    const db = v18()
    insert(
      db,
      `('azure-prod', 'azure-openai', 'https://acme.openai.azure.com', 8, 't', '2024-10-21', NULL,
      '{"gpt-4o":"prod-gpt4o"}')`,
    )
    insert(db, `('gemini', 'gemini', NULL, 8, 't', NULL, NULL, '{}')`)
    insert(db, `('bedrock-eu', 'bedrock', NULL, 4, 't', NULL, 'eu-central-1', '{}')`)
    expect(() => insert(db, `('azure-x', 'azure-openai', NULL, 8, 't', '2024-10-21', NULL, '{}')`)).toThrow(
      /CHECK/,
    )
    expect(() => insert(db, `('azure-y', 'azure-openai', 'https://a.b', 8, 't', NULL, NULL, '{}')`)).toThrow(
      /CHECK/,
    )
    expect(() => insert(db, `('bedrock-x', 'bedrock', NULL, 4, 't', NULL, NULL, '{}')`)).toThrow(/CHECK/)
    expect(() =>
      insert(db, `('azure-z', 'azure-openai', 'https://a.b', 8, 't', '2024-10-21', NULL, '[]')`),
    ).toThrow(/CHECK/)
    expect(() => insert(db, `('other', 'vertex', NULL, 4, 't', NULL, NULL, '{}')`)).toThrow(/CHECK/)
  })
})
