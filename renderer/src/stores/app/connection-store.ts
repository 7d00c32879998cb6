import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ApiClient, ConnectionState } from '../../api'

export interface ConnectionStoreState {
  /** The transport's own state: connected, reconnecting (with attempts so far) or refused. */
  connection: ConnectionState
  actions: { retryNow: () => void }
}

export type ConnectionStore = StoreApi<ConnectionStoreState>

/** Mirrors the client's connection for the banner; the transport does the reconnecting. */
export function createConnectionStore(client: ApiClient): ConnectionStore & { dispose(): void } {
  const store = createStore<ConnectionStoreState>()(() => ({
    connection: client.connection.state(),
    actions: { retryNow: () => client.connection.retryNow() },
  }))
  const off = client.connection.subscribe((connection) => store.setState({ connection }))
  return Object.assign(store, { dispose: off })
}

export const selectConnection = (s: ConnectionStoreState) => s.connection
export const selectConnectionActions = (s: ConnectionStoreState) => s.actions
