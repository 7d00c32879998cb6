import Database from 'better-sqlite3'

export type Db = Database.Database

export interface OpenOptions {
  nativeBinding?: string
  readonly?: boolean
}

/** Opens the file without writing anything: used to inspect a workspace before deciding to migrate it. */
export function openForInspection(file: string, options: OpenOptions = {}): Db {
  return new Database(file, { readonly: true, fileMustExist: true, ...bindingOption(options) })
}

/**
 * The one way the app opens its workspace for work. WAL lets the UI read while a batch writes;
 * synchronous=NORMAL is durable across app crashes in WAL mode (only an OS crash may lose the last
 * commit), which is the right trade for a local lab that writes results in batches.
 */
export function openConnection(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, ...bindingOption(options) })
  db.pragma('busy_timeout = 5000')
  if (!options.readonly) {
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
  }
  db.pragma('foreign_keys = ON')
  return db
}

function bindingOption(options: OpenOptions): { nativeBinding?: string } {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
}

/** Writes a consistent copy of the database to `file`; VACUUM INTO works even with a WAL file beside it. */
export function copyDatabase(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file)
}
