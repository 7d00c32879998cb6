import { createStore, type StoreApi } from 'zustand/vanilla'
import type { WorkspaceScorecard } from '../../../../shared/domain/maturity'
import type { ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, settleLatest, type LoadState } from '../load-state'

export interface ScorecardState {
  scorecard: WorkspaceScorecard | null
  load: LoadState
  actions: {
    /** Assesses the workspace again: each visit shows what it holds now (a gate rule just added counts). */
    load: () => Promise<void>
  }
}

export type ScorecardStore = StoreApi<ScorecardState>

export function createScorecardStore(client: ApiClient): ScorecardStore {
  const seq = createSequence()
  return createStore<ScorecardState>()((set, get) => ({
    scorecard: null,
    load: idle,
    actions: {
      async load() {
        const n = seq.next()
        // Keep the last card on screen while reassessing; only the first visit shows a loading state.
        if (!get().scorecard) set({ load: loading })
        await settleLatest(seq, n, client.call('maturity.scorecard', {}), {
          value: (scorecard) => set({ scorecard, load: ready }),
          error: (error) => set({ load: failed(error) }),
        })
      },
    },
  }))
}
