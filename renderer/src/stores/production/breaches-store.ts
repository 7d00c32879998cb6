import { createStore, type StoreApi } from 'zustand/vanilla'
import type { BreachSummary } from '../../../../shared/domain/production'
import type { ApiClient } from '../../api'
import { createSequence, settleLatest } from '../load-state'

/** Breached production thresholds across the workspace, for the header on every screen. */
export interface BreachesState {
  breaches: readonly BreachSummary[]
  actions: { refresh: () => Promise<void> }
}

export type BreachesStore = StoreApi<BreachesState>

const none: readonly BreachSummary[] = []

export function createBreachesStore(client: ApiClient): BreachesStore {
  const seq = createSequence()
  return createStore<BreachesState>()((set) => ({
    breaches: none,
    actions: {
      async refresh() {
        const n = seq.next()
        await settleLatest(seq, n, client.call('production.breaches', {}), {
          value: (breaches) => set({ breaches }),
          // The header notice is a convenience: on failure it stays as it was rather than shout.
          error: () => {},
        })
      },
    },
  }))
}
