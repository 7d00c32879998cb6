import { AppError, type ErrorCode, type ErrorInfo } from '../../../shared/contract'

/** A call reached the core and the core said no: the code tells the UI what happened. */
export class ApiError extends AppError {
  readonly method: string

  constructor(method: string, info: ErrorInfo) {
    super(info.code, info.message, info.details)
    this.name = 'ApiError'
    this.method = method
  }

  static is(error: unknown, code?: ErrorCode): error is ApiError {
    return error instanceof ApiError && (code === undefined || error.code === code)
  }
}

/** The core could not be reached at all (no host, dropped IPC, a reply that is not an envelope). */
export class TransportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'TransportError'
  }
}

/** Marks the info of an error the transport raised: the core did not answer at all. */
const unreachableDetails = { reason: 'unreachable' } as const

export function isUnreachable(error: Pick<ErrorInfo, 'details'>): boolean {
  const details = error.details
  return (
    typeof details === 'object' && details !== null && 'reason' in details && details.reason === 'unreachable'
  )
}

/** Plain data for stores: what the UI shows, never a live Error object. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo()
  if (error instanceof TransportError)
    return { code: 'INTERNAL', message: error.message, details: unreachableDetails }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}
