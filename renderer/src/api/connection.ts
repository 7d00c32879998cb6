import type { Transport } from '../../../shared/contract'

/**
 * Whether the core can be reached. `reconnecting`: calls or the event stream failed and the transport is
 * trying again on its own; `refused`: the host answers but no longer accepts this page's token (it was
 * restarted), so only opening its new address helps.
 */
export type ConnectionState =
  | { status: 'connected' }
  | { status: 'reconnecting'; attempt: number; since: number }
  | { status: 'refused'; message: string }

export type ConnectionListener = (state: ConnectionState, previous: ConnectionState) => void

export interface ConnectionSource {
  state(): ConnectionState
  subscribe(listener: ConnectionListener): () => void
  /** Tries at once instead of waiting for the next attempt (a "Retry now" button). */
  retryNow(): void
}

/** A transport that can lose the core (the browser host) reports it; IPC and memory ones never do. */
export interface ClientTransport extends Transport {
  connection?: ConnectionSource
}

export const connected: ConnectionState = { status: 'connected' }

/** Always connected: the core lives in the same app (Electron IPC) or the same process (memory). */
export const alwaysConnected: ConnectionSource = {
  state: () => connected,
  subscribe: () => () => undefined,
  retryNow: () => undefined,
}

/** True when a listener sees the way back: the stream is up again after it was lost. */
export function isReconnect(state: ConnectionState, previous: ConnectionState): boolean {
  return state.status === 'connected' && previous.status !== 'connected'
}

/** A connection a test (or a demo) sets by hand, with the same listener rules as the real one. */
export function createManualConnection(): ConnectionSource & { set(state: ConnectionState): void } {
  let current: ConnectionState = connected
  const listeners = new Set<ConnectionListener>()
  return {
    state: () => current,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    retryNow: () => undefined,
    set(state) {
      const previous = current
      current = state
      for (const listener of [...listeners]) listener(state, previous)
    },
  }
}
