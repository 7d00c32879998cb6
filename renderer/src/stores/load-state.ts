import type { ErrorInfo } from '../../../shared/contract'

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
