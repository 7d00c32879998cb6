import { z } from 'zod'
import { AppError } from '../../../shared/contract'
import { expectedFailure } from '../core/failures'
import { exitCodes, line, UsageError, type CliIo } from './io'

/** Core failures that mean a bug of evallab itself, not a problem with the user's input or files. */
const internalCodes: ReadonlySet<string> = new Set(['INTERNAL', 'UNKNOWN_METHOD'])
const maxMessageLength = 300

/**
 * What a failed command prints on stderr, and its exit code. Usage, I/O and workspace errors, a full disk
 * and a passed limit name the flag, file or field (exit 3); anything else is a bug: one line, with the stack only under EVALLAB_DEBUG (exit 4).
 */
export function reportError(io: CliIo, command: string, error: unknown): number {
  if (error instanceof UsageError) {
    line(io.stderr, `evallab ${command}: ${error.message}\nRun "evallab ${command} --help" for its options.`)
    return exitCodes.usage
  }
  const expected = expectedFailure(error)
  if (expected && !internalCodes.has(expected.code)) {
    line(io.stderr, `evallab ${command}: ${expected.message}`)
    return exitCodes.usage
  }
  line(io.stderr, internalErrorLine(command, error))
  if (io.env.EVALLAB_DEBUG && error instanceof Error && error.stack) line(io.stderr, error.stack)
  return exitCodes.internal
}

/** `evallab gate: internal error: …` on one line, whatever the error's message holds. */
export function internalErrorLine(command: string, error: unknown): string {
  const what = oneLine(describe(error))
  return `evallab ${command}: internal error (a bug in evallab; set EVALLAB_DEBUG=1 for the stack): ${what}`
}

function describe(error: unknown): string {
  // A ZodError's message is its issues as pretty-printed JSON: say them instead.
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`)
    return `invalid data (${issues.join('; ')})`
  }
  if (error instanceof AppError) return error.message
  if (error instanceof Error)
    return error.name === 'Error' ? error.message : `${error.name}: ${error.message}`
  return String(error)
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > maxMessageLength ? `${flat.slice(0, maxMessageLength - 1)}…` : flat
}
