import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { applyMigrations } from '../../../../electron/main/core/db/migrate'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { events, tableNames } from '../../../../shared/contract'

/** The typed table enum is only worth having while it names exactly the tables the migrations create. */
describe('the contract table names', () => {
  it('are the tables of a fully migrated workspace', () => {
    const db = new Database(':memory:')
    applyMigrations(db, bundledMigrations, () => 't0')
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => r.name)
      .filter((name) => name !== 'schema_migrations' && !name.startsWith('sqlite_'))
    db.close()
    expect([...tableNames].sort()).toEqual(tables)
  })

  it('are the only names a db.changed event may carry', () => {
    expect(events['db.changed'].safeParse({ tables: ['runs'] }).success).toBe(true)
    expect(events['db.changed'].safeParse({ tables: ['run'] }).success).toBe(false)
  })
})
