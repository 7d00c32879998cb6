import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { copyDatabase, openConnection, type Db } from '../db/connection'
import { applyMigrations, inspectDatabase, WorkspaceOpenError } from '../db/migrate'
import type { Migration } from '../db/migrations'
import { acquireLock, type WorkspaceLock } from './lock'

export interface OpenWorkspaceOptions {
  home: string
  migrations: readonly Migration[]
  now: () => string
  nativeBinding?: string
}

export interface OpenedWorkspace {
  readonly home: string
  readonly dbFile: string
  readonly db: Db
  readonly schemaVersion: number
  /** True when this call created the database file: the moment to seed a demo. */
  readonly created: boolean
  close(): void
}

export const dbFileName = 'evallab.db'

/**
 * Lock, inspect read-only, back up, migrate. Anything refused leaves the file byte-for-byte as it was;
 * a failed migration rolls back and leaves the backup copy beside it.
 */
export function openWorkspace(options: OpenWorkspaceOptions): OpenedWorkspace {
  const { home, migrations, now } = options
  mkdirSync(home, { recursive: true })
  const dbFile = join(home, dbFileName)
  const lock = acquireLock(home, now)
  try {
    const created = !existsSync(dbFile)
    const applied = inspectDatabase(dbFile, migrations, options.nativeBinding)
    const db = connect(dbFile, options.nativeBinding)
    migrateWithBackup(db, { home, applied, migrations, now })
    return workspace({ home, dbFile, db, created, lock, schemaVersion: migrations.length })
  } catch (error) {
    lock.release()
    throw error
  }
}

function connect(dbFile: string, nativeBinding: string | undefined): Db {
  try {
    return openConnection(dbFile, nativeBinding ? { nativeBinding } : {})
  } catch (error) {
    // Also where a missing or wrong-ABI native build of better-sqlite3 surfaces.
    throw new WorkspaceOpenError(
      'unreadable',
      `Cannot open ${dbFile}: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

function migrateWithBackup(
  db: Db,
  args: { home: string; applied: number; migrations: readonly Migration[]; now: () => string },
): void {
  const { home, applied, migrations, now } = args
  const needsBackup = applied > 0 && applied < migrations.length
  const backupFile = needsBackup ? backupBeforeMigrating(db, home, applied, now) : null
  try {
    applyMigrations(db, migrations, now)
  } catch (error) {
    db.close()
    const reason = error instanceof Error ? error.message : String(error)
    const kept = backupFile ? ` A copy taken before migrating is at ${backupFile}.` : ''
    throw new WorkspaceOpenError(
      'migration-failed',
      `Upgrading the workspace failed and was rolled back; your data is unchanged. ${reason}.${kept}`,
      backupFile,
    )
  }
}

function backupBeforeMigrating(db: Db, home: string, fromVersion: number, now: () => string): string {
  const dir = join(home, 'backups')
  mkdirSync(dir, { recursive: true })
  const stamp = now().replace(/[:.]/g, '-')
  const file = join(dir, `evallab-schema-v${fromVersion}-${stamp}.db`)
  copyDatabase(db, file)
  return file
}

function workspace(parts: {
  home: string
  dbFile: string
  db: Db
  created: boolean
  lock: WorkspaceLock
  schemaVersion: number
}): OpenedWorkspace {
  const { lock, ...rest } = parts
  let closed = false
  return {
    ...rest,
    close: () => {
      if (closed) return
      closed = true
      if (rest.db.open) rest.db.close()
      lock.release()
    },
  }
}
