import type { ErrorCode, ErrorInfo } from '../../../shared/contract'
import { restartAdvice, type AppMode } from '../api/app-mode'
import { isUnreachable } from '../api/errors'

/**
 * What a person can do about a failure, shown under the core's own message (which names the file, row or
 * limit). Every code has one, so a notice always ends with a next step, never with a bare code; the advice
 * fits where the page runs (a browser user cannot restart the desktop app, nor use its dialogs).
 */
const hints: Record<ErrorCode, (mode: AppMode) => string> = {
  INVALID_INPUT: () => 'Correct the value named above and try again.',
  UNKNOWN_METHOD: (mode) =>
    mode === 'desktop'
      ? 'This window and the rest of Eval Lab are different versions: quit Eval Lab and open it again.'
      : 'This page and the Eval Lab host are different versions: reload the page; if it persists, ' +
        `${restartAdvice(mode)}.`,
  NOT_FOUND: () =>
    'It may have been deleted or renamed elsewhere (another window or the command line): go back to the list ' +
    'and open it again.',
  CONFLICT: () =>
    'It changed while you were working on it (another window or the command line): reload it, then make ' +
    'your change again.',
  FORBIDDEN: (mode) =>
    mode === 'desktop'
      ? 'Eval Lab refused this call: quit Eval Lab and open it again.'
      : 'Open the address the Eval Lab host printed when it started (it ends in ?token=…).',
  WORKSPACE_UNAVAILABLE: (mode) =>
    `The workspace cannot be used right now: close other Eval Lab windows using it, then ${restartAdvice(mode)}.`,
  DISK_FULL: () => 'Free space on the disk that holds this file (or choose another folder), then try again.',
  LIMIT_EXCEEDED: () =>
    'This is over one of Eval Lab’s limits (listed in the README). Split the file or shorten the value.',
  INTERNAL: () =>
    'Something went wrong inside Eval Lab. Try again; if it happens again, report it with the message above.',
}

/** The core could not be reached: the cause is the connection, not the step the user took. */
const unreachableHint = (mode: AppMode) =>
  mode === 'desktop'
    ? 'Eval Lab’s workspace process is not answering: try again in a moment; if it persists, quit Eval Lab ' +
      'and open it again.'
    : 'The Eval Lab host is not answering: check that it is still running (the terminal where you started ' +
      `it), or ${restartAdvice(mode)}. Then try again.`

/**
 * A refusal about what a model answered (generated cases) or about the provider it was asked through: the
 * user typed nothing wrong, so "correct the value" would send them looking for a mistake that is not theirs.
 */
const sourceHints: Record<string, string> = {
  model:
    'The model’s answer was unusable. Generating again often gives a usable one; if not, choose another ' +
    'model, or ask for fewer cases at a time.',
  provider:
    'Check the provider in Settings (its address and API key), then try again, or choose another model.',
}

function sourceOf(details: unknown): string | null {
  if (typeof details !== 'object' || details === null || !('source' in details)) return null
  return typeof details.source === 'string' ? details.source : null
}

/**
 * A name or case key already taken (`details.field` is 'name' or 'key'): nothing changed elsewhere, so
 * reloading would not help. A correction's conflict names the case's expected field and its case: not this.
 */
function takenFieldOf(details: unknown): 'name' | 'key' | null {
  if (typeof details !== 'object' || details === null || 'caseId' in details) return null
  const field = 'field' in details ? details.field : null
  return field === 'name' || field === 'key' ? field : null
}

export function errorHint(error: Pick<ErrorInfo, 'code' | 'details'>, mode: AppMode): string {
  if (isUnreachable(error)) return unreachableHint(mode)
  const taken = error.code === 'CONFLICT' ? takenFieldOf(error.details) : null
  if (taken !== null) return `Choose another ${taken}: this one is already used.`
  const source = error.code === 'INVALID_INPUT' ? sourceOf(error.details) : null
  if (source !== null && Object.hasOwn(sourceHints, source))
    return sourceHints[source] ?? hints[error.code](mode)
  return hints[error.code](mode)
}
