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

export function errorHint(error: Pick<ErrorInfo, 'code' | 'details'>, mode: AppMode): string {
  if (isUnreachable(error)) return unreachableHint(mode)
  return hints[error.code](mode)
}
