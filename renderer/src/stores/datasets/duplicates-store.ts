import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DuplicateGroup } from '../../../../shared/domain/datasets'
import type { ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, settleLatest, type LoadState } from '../load-state'

export const duplicatesTables = ['dataset_cases'] as const
export const defaultThreshold = 0.85

export interface DuplicatesActions {
  /** Looks for exact and near duplicates (Jaccard similarity of the inputs at least `threshold`). */
  find: (datasetId: string, threshold?: number) => Promise<void>
  /** Searches again after a change, but only for the dataset whose results are shown. */
  refresh: () => Promise<void>
  clear: () => void
}

export interface DuplicatesState {
  datasetId: string | null
  threshold: number
  /** Null until searched. */
  groups: DuplicateGroup[] | null
  load: LoadState
  actions: DuplicatesActions
}

export type DuplicatesStore = StoreApi<DuplicatesState>

export function createDuplicatesStore(client: ApiClient): DuplicatesStore {
  const seq = createSequence()
  return createStore<DuplicatesState>()((set, get) => {
    const actions: DuplicatesActions = {
      async find(datasetId, threshold = get().threshold) {
        const n = seq.next()
        const same = get().datasetId === datasetId
        set({ datasetId, threshold, load: loading, ...(same ? {} : { groups: null }) })
        await settleLatest(seq, n, client.call('datasets.duplicates', { datasetId, threshold }), {
          value: (groups) => set({ groups, load: ready }),
          error: (error) => set({ load: failed(error) }),
        })
      },
      async refresh() {
        const { datasetId, groups } = get()
        if (datasetId && groups) await actions.find(datasetId)
      },
      clear() {
        seq.next()
        set({ datasetId: null, groups: null, load: idle })
      },
    }
    return { datasetId: null, threshold: defaultThreshold, groups: null, load: idle, actions }
  })
}
