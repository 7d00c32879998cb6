import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../../../electron/main/core'
import { bundledMigrations, parseMigrations } from '../../../../electron/main/core/db/migrations'
import { useTempHomes } from '../../../fixtures/temp-home'

const newHome = useTempHomes()

function openAndClose(home: string, migrations = bundledMigrations) {
  const core = openCore({ home, migrations, seedDemo: false })
  const status = core.status
  core.close()
  return status
}

// Migrations a future build might ship, numbered after whatever this build bundles.
const shipped = bundledMigrations.length
const next = (offset: number, name: string) =>
  `./migrations/${String(shipped + offset).padStart(4, '0')}_${name}.sql`
const bundledSources = Object.fromEntries(bundledMigrations.map((m) => [`./migrations/${m.name}`, m.sql]))

const extra = parseMigrations({
  ...bundledSources,
  [next(1, 'add_notes')]: 'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL) STRICT;',
})

describe('migration runner', () => {
  it('applies every bundled migration to a new workspace and records checksums', () => {
    const home = newHome()
    expect(openAndClose(home).state).toBe('ready')
    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    const rows = db.prepare('SELECT version, name, sha256 FROM schema_migrations').all()
    expect(rows).toEqual(
      bundledMigrations.map((m) => ({ version: m.version, name: m.name, sha256: m.sha256 })),
    )
    expect(db.pragma('user_version', { simple: true })).toBe(bundledMigrations.length)
    db.close()
  })

  it('refuses a database from a newer version and leaves it byte-for-byte intact', () => {
    const home = newHome()
    openAndClose(home, extra)
    const file = join(home, 'evallab.db')
    const before = readFileSync(file)
    const status = openAndClose(home, bundledMigrations)
    expect(status.state).toBe('failed')
    if (status.state !== 'failed') return
    expect(status.failure.kind).toBe('newer-version')
    expect(status.failure.message).toMatch(
      new RegExp(`schema version ${shipped + 1}.*only knows versions up to ${shipped}.*newer Eval Lab`),
    )
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('refuses an applied migration that was edited and leaves the file intact', () => {
    const home = newHome()
    openAndClose(home, extra)
    const file = join(home, 'evallab.db')
    const before = readFileSync(file)
    const edited = parseMigrations({
      ...bundledSources,
      [next(1, 'add_notes')]: 'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT) STRICT;',
    })
    const status = openAndClose(home, edited)
    expect(status.state === 'failed' && status.failure.kind).toBe('edited-migration')
    expect(status.state === 'failed' && status.failure.message).toContain(`_add_notes.sql`)
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('copies the file aside before migrating an existing workspace', () => {
    const home = newHome()
    openAndClose(home)
    expect(openAndClose(home, extra).state).toBe('ready')
    const backups = readdirSync(join(home, 'backups'))
    expect(backups).toHaveLength(1)
    expect(backups[0]).toMatch(new RegExp(`^evallab-schema-v${shipped}-.*\\.db$`))
    const copy = new Database(join(home, 'backups', backups[0] ?? ''), { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(shipped)
    copy.close()
  })

  it('rolls a failing migration back, keeps the data and names the backup', () => {
    const home = newHome()
    openAndClose(home)
    const broken = parseMigrations({
      ...bundledSources,
      [next(1, 'ok')]: 'CREATE TABLE first_half (id TEXT PRIMARY KEY) STRICT;',
      [next(2, 'broken')]: 'CREATE TABLE broken (id TEXT PRIMARY KEY STRICT;',
    })
    const status = openAndClose(home, broken)
    expect(status.state === 'failed' && status.failure.kind).toBe('migration-failed')
    expect(status.state === 'failed' && status.failure.message).toContain('_broken.sql')
    expect(
      status.state === 'failed' && status.failure.backupFile && existsSync(status.failure.backupFile),
    ).toBe(true)
    const db = new Database(join(home, 'evallab.db'), { readonly: true })
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).not.toContain('first_half')
    expect(db.pragma('user_version', { simple: true })).toBe(shipped)
    db.close()
    expect(openAndClose(home).state).toBe('ready')
  })

  it('refuses a SQLite file that is not an Eval Lab workspace, and a file that is not SQLite', () => {
    const home = newHome()
    const other = new Database(join(home, 'evallab.db'))
    other.exec('CREATE TABLE something_else (x INTEGER)')
    other.close()
    const status = openAndClose(home)
    expect(status.state === 'failed' && status.failure.kind).toBe('unreadable')
  })

  it('rejects migration files that are misnamed or leave a gap', () => {
    expect(() => parseMigrations({ './migrations/1_init.sql': '' })).toThrow(/NNNN_snake_name/)
    expect(() => parseMigrations({ './migrations/0002_x.sql': '' })).toThrow(/without gaps/)
  })
})
