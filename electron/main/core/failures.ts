import { AppError } from '../../../shared/contract'

/** What a failure was writing when it happened, for a message that names the file. */
export interface FailureContext {
  /** The workspace database: an SQLite error without a file of its own happened there. */
  dbFile?: string
  /** The file being written, for a Node error that does not carry its path (a failed write()). */
  file?: string
}

/** Node's codes for a full disk or a used-up quota; SQLite's own is SQLITE_FULL. */
const fullDiskCodes: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT'])

/**
 * The expected failures a handler does not throw itself, as the AppError a client understands: a full
 * disk is DISK_FULL naming the file, never INTERNAL. Anything else is left as it is (undefined).
 */
export function expectedFailure(error: unknown, context: FailureContext = {}): AppError | undefined {
  if (error instanceof AppError) return error
  if (!(error instanceof Error)) return undefined
  const code = (error as { code?: unknown }).code
  if (code === 'SQLITE_FULL') return diskFull(context.dbFile ?? 'the workspace database', error)
  if (typeof code === 'string' && fullDiskCodes.has(code)) {
    const path = (error as { path?: unknown }).path
    return diskFull(typeof path === 'string' ? path : (context.file ?? 'a file'), error)
  }
  return undefined
}

function diskFull(file: string, error: Error): AppError {
  return new AppError(
    'DISK_FULL',
    `The disk is full: could not write ${file}. Nothing was saved; free some space and try again.`,
    { cause: error.message },
  )
}

/** Runs a write of `file`; a full disk is thrown as DISK_FULL naming it, anything else as it was. */
export function writingFile<T>(file: string, write: () => T): T {
  try {
    return write()
  } catch (error) {
    throw expectedFailure(error, { file }) ?? error
  }
}
