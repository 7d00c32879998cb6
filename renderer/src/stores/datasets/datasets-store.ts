import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'

/** Tables whose change makes the dataset list (names, counts, tags) stale. */
export const datasetsTables = ['datasets', 'dataset_cases'] as const

export interface DatasetsActions {
  loadList: () => Promise<void>
  /** Loads once, for the first visit to the screen; later changes arrive via refresh. */
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
}

export interface DatasetsState {
  list: DatasetSummary[]
  listLoad: LoadState
  actions: DatasetsActions
}

export type DatasetsStore = StoreApi<DatasetsState>

export function createDatasetsStore(client: ApiClient): DatasetsStore {
  const seq = createSequence()
  return createStore<DatasetsState>()((set, get) => {
    const actions: DatasetsActions = {
      async loadList() {
        const n = seq.next()
        set({ listLoad: loading })
        try {
          const list = await client.call('datasets.list', {})
          if (seq.isLatest(n)) set({ list, listLoad: ready })
        } catch (error) {
          if (seq.isLatest(n)) set({ listLoad: failed(toErrorInfo(error)) })
        }
      },
      async ensureLoaded() {
        if (get().listLoad.status === 'idle') await actions.loadList()
      },
      async refresh() {
        // Nothing shown yet means nothing stale: the first visit loads fresh anyway.
        if (get().listLoad.status !== 'idle') await actions.loadList()
      },
    }
    return { list: [], listLoad: idle, actions }
  })
}
