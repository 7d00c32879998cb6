import { z } from 'zod'

/** Every failure that may cross a process boundary is one of these codes; clients switch on them. */
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'WORKSPACE_UNAVAILABLE',
  /** A documented limit was passed: a file, body, value, row count, nesting depth or alias expansion. */
  'LIMIT_EXCEEDED',
  /** The disk holding the workspace (or an export's folder) is full; nothing was half-written. */
  'DISK_FULL',
  'INTERNAL',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const errorInfoSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.unknown().optional(),
})
export type ErrorInfo = z.infer<typeof errorInfoSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

export const resultEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: errorInfoSchema }),
])

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string, details?: unknown): Result<never> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}

/**
 * Thrown inside the core and by typed clients; converted to an envelope at every boundary, so only
 * plain data ever crosses one.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}
