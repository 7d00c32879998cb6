import type { ErrorInfo } from '../../../shared/contract'
import { toErrorInfo } from '../api'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** Where a fetch stands; `error` is plain data to show, set only when status is 'error'. */
export interface LoadState {
  status: LoadStatus
  error: ErrorInfo | null
}

export const idle: LoadState = { status: 'idle', error: null }
export const loading: LoadState = { status: 'loading', error: null }
export const ready: LoadState = { status: 'ready', error: null }

export function failed(error: ErrorInfo): LoadState {
  return { status: 'error', error }
}

/** Hands out increasing numbers; a reply whose number is no longer the latest is stale and dropped. */
export function createSequence(): { next(): number; isLatest(n: number): boolean } {
  let current = 0
  return {
    next: () => ++current,
    isLatest: (n) => n === current,
  }
}

/** Where a write the user asked for stands; `error` is the core's refusal, shown inline. */
export interface SubmitState {
  status: 'idle' | 'busy' | 'done' | 'error'
  error: ErrorInfo | null
}

export const submitIdle: SubmitState = { status: 'idle', error: null }
export const submitBusy: SubmitState = { status: 'busy', error: null }
export const submitDone: SubmitState = { status: 'done', error: null }

export function submitFailed(error: ErrorInfo): SubmitState {
  return { status: 'error', error }
}

/**
 * The core refuses a save that introduces a `{{variable}}` the prompt did not have before (INVALID_INPUT,
 * message "Unknown variable ..."); the UI then offers to repeat the call with `allowNewVariables: true`.
 */
export function isUnknownVariableError(error: ErrorInfo | null | undefined): boolean {
  return error?.code === 'INVALID_INPUT' && error.message.startsWith('Unknown variable')
}

/**
 * Settles request number `n` of `seq`: its value or its error reaches the store only while it is still the
 * latest request, so a slow reply never overwrites a newer one.
 */
export async function settleLatest<T>(
  seq: { isLatest(n: number): boolean },
  n: number,
  request: Promise<T>,
  handlers: { value: (value: T) => void; error: (error: ErrorInfo) => void },
): Promise<void> {
  try {
    const value = await request
    if (seq.isLatest(n)) handlers.value(value)
  } catch (error) {
    if (seq.isLatest(n)) handlers.error(toErrorInfo(error))
  }
}
