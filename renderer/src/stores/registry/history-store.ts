import { createStore, type StoreApi } from 'zustand/vanilla'
import type { HistoryEntry } from '../../../../shared/domain/registry'
import type { ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, settleLatest, type LoadState } from '../load-state'

/** Every table a history entry comes from: versions, approvals, environment moves, the audit log. */
export const historyTables = [
  'prompts',
  'prompt_versions',
  'prompt_environments',
  'approvals',
  'audit_log',
] as const

export interface HistoryActions {
  /** Loads one prompt's history (again, if asked for a different prompt than the one held). */
  load: (promptId: string) => Promise<void>
  ensureLoaded: (promptId: string) => Promise<void>
  refresh: () => Promise<void>
}

export interface HistoryState {
  promptId: string | null
  /** Newest first. */
  entries: HistoryEntry[]
  load: LoadState
  actions: HistoryActions
}

export type HistoryStore = StoreApi<HistoryState>

/** Newest first; entries written in the same instant keep the order the core recorded them in. */
export function sortHistory(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
}

export function createHistoryStore(client: ApiClient): HistoryStore {
  const seq = createSequence()
  return createStore<HistoryState>()((set, get) => {
    const actions: HistoryActions = {
      async load(promptId) {
        const n = seq.next()
        const same = get().promptId === promptId
        set({ promptId, load: loading, ...(same ? {} : { entries: [] }) })
        await settleLatest(seq, n, client.call('prompts.history', { promptId }), {
          value: (entries) => set({ entries: sortHistory(entries), load: ready }),
          error: (error) => set({ load: failed(error) }),
        })
      },
      async ensureLoaded(promptId) {
        const s = get()
        if (s.promptId !== promptId || s.load.status === 'idle') await actions.load(promptId)
      },
      async refresh() {
        const id = get().promptId
        if (id) await actions.load(id)
      },
    }
    return { promptId: null, entries: [], load: idle, actions }
  })
}
