import { existsSync } from 'node:fs'
import { AppError } from '../../../../shared/contract'
import type { WorkspaceFailureKind } from '../../../../shared/domain/workspace'
import { openForInspection, type Db } from './connection'
import type { Migration } from './migrations'

/** Why a database file was refused; the file is left exactly as it was. */
export class WorkspaceOpenError extends Error {
  constructor(
    readonly kind: WorkspaceFailureKind,
    message: string,
    readonly backupFile: string | null = null,
  ) {
    super(message)
    this.name = 'WorkspaceOpenError'
  }
}

interface AppliedRow {
  version: number
  name: string
  sha256: string
}

const ledgerDdl = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`

/**
 * Reads an existing file read-only and refuses it before anything writes to it: a schema from a newer
 * app, an applied migration whose text changed, or a file that is not an Eval Lab workspace.
 * Returns the applied version (0 for a file with no tables).
 */
export function inspectDatabase(
  file: string,
  migrations: readonly Migration[],
  nativeBinding?: string,
): number {
  if (!existsSync(file)) return 0
  let db: Db
  try {
    db = openForInspection(file, nativeBinding ? { nativeBinding } : {})
  } catch (error) {
    throw new WorkspaceOpenError('unreadable', `Cannot open ${file}: ${messageOf(error)}`)
  }
  try {
    const applied = readLedger(db, file)
    checkLedger(applied, migrations, file)
    return applied.length
  } finally {
    db.close()
  }
}

function readLedger(db: Db, file: string): AppliedRow[] {
  let tables: string[]
  try {
    tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name)
  } catch (error) {
    throw new WorkspaceOpenError(
      'unreadable',
      `${file} is not a readable SQLite database: ${messageOf(error)}`,
    )
  }
  if (!tables.includes('schema_migrations')) {
    if (tables.length === 0) return []
    throw new WorkspaceOpenError('unreadable', `${file} is a SQLite database but not an Eval Lab workspace`)
  }
  return db
    .prepare<[], AppliedRow>('SELECT version, name, sha256 FROM schema_migrations ORDER BY version')
    .all()
}

function checkLedger(applied: readonly AppliedRow[], migrations: readonly Migration[], file: string): void {
  const known = migrations.length
  const newest = applied.at(-1)?.version ?? 0
  if (newest > known) {
    throw new WorkspaceOpenError(
      'newer-version',
      `${file} has schema version ${newest}, but this Eval Lab only knows versions up to ${known}. ` +
        'It was written by a newer Eval Lab: update the app to open it. The file was not changed.',
    )
  }
  for (const row of applied) {
    const bundled = migrations[row.version - 1]
    if (!bundled || bundled.sha256 !== row.sha256) {
      throw new WorkspaceOpenError(
        'edited-migration',
        `Migration ${row.name} was applied to ${file} with different contents than this build ships ` +
          `(recorded sha256 ${row.sha256.slice(0, 12)}…). Migrations must never be edited after release; ` +
          'the file was not changed.',
      )
    }
  }
}

/** Applies every pending migration in one transaction: all of them land, or none do. */
export function applyMigrations(db: Db, migrations: readonly Migration[], now: () => string): number[] {
  db.exec(ledgerDdl)
  const done = new Set(
    db
      .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
      .all()
      .map((r) => r.version),
  )
  const pending = migrations.filter((m) => !done.has(m.version))
  if (pending.length === 0) return []
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)',
  )
  db.transaction(() => {
    for (const m of pending) {
      try {
        db.exec(m.sql)
      } catch (error) {
        throw new AppError('INTERNAL', `Migration ${m.name} failed: ${messageOf(error)}`)
      }
      record.run(m.version, m.name, m.sha256, now())
    }
    db.pragma(`user_version = ${pending.at(-1)?.version ?? 0}`)
  }).immediate()
  return pending.map((m) => m.version)
}

export function pendingCount(appliedVersion: number, migrations: readonly Migration[]): number {
  return Math.max(0, migrations.length - appliedVersion)
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
