import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SigningKey } from '../../../../shared/domain/bundles'
import type { ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import { runSubmit } from './submit'

/** The public-key file a user shares with the team, as the core wrote it. */
export interface PublicKeyDownload {
  fileName: string
  content: string
}

export interface SigningKeysActions {
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
  /** signingKeys.create; the new key on success, else null (the refusal is in `create`). */
  create: (owner: string) => Promise<SigningKey | null>
  /** The `evallab.public-key` file of one key, for the caller to save; null when refused. */
  exportPublic: (keyId: string) => Promise<PublicKeyDownload | null>
  remove: (keyId: string) => Promise<boolean>
}

export interface SigningKeysState {
  keys: SigningKey[]
  load: LoadState
  create: SubmitState
  /** Per key id: the export or delete in flight, or the refusal to show on its row. */
  rowSubmits: Readonly<Record<string, SubmitState>>
  actions: SigningKeysActions
}

export type SigningKeysStore = StoreApi<SigningKeysState>

export function createSigningKeysStore(client: ApiClient): SigningKeysStore {
  const seq = createSequence()
  return createStore<SigningKeysState>()((set, get) => {
    const markRow = (keyId: string, state: SubmitState) =>
      set((s) => ({ rowSubmits: { ...s.rowSubmits, [keyId]: state } }))

    async function load(): Promise<void> {
      const n = seq.next()
      if (get().load.status !== 'ready') set({ load: loading })
      await settleLatest(seq, n, client.call('signingKeys.list', {}), {
        value: (keys) => set({ keys, load: ready }),
        error: (error) => set({ load: failed(error) }),
      })
    }

    const actions: SigningKeysActions = {
      ensureLoaded: async () => {
        if (get().load.status === 'idle') await load()
      },
      refresh: async () => {
        if (get().load.status !== 'idle') await load()
      },
      create: async (owner) => {
        const key = await runSubmit(
          (state) => set({ create: state }),
          () => client.call('signingKeys.create', { owner }),
        )
        if (key) set((s) => ({ keys: [...s.keys.filter((k) => k.keyId !== key.keyId), key] }))
        return key
      },
      exportPublic: (keyId) =>
        runSubmit(
          (state) => markRow(keyId, state),
          () => client.call('signingKeys.exportPublic', { keyId }),
        ),
      remove: async (keyId) => {
        const done = await runSubmit(
          (state) => markRow(keyId, state),
          () => client.call('signingKeys.delete', { keyId }),
        )
        if (done) set((s) => ({ keys: s.keys.filter((k) => k.keyId !== keyId) }))
        return done !== null
      },
    }
    return { keys: [], load: idle, create: submitIdle, rowSubmits: {}, actions }
  })
}
