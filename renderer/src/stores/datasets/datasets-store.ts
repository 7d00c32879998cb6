import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DatasetDetail, DatasetSummary } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  settleLatest,
  failed,
  idle,
  loading,
  ready,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'

/** Tables whose change makes the dataset list (names, counts, tags, snapshots) stale. */
export const datasetsTables = ['datasets', 'dataset_cases', 'dataset_snapshots'] as const

export interface DatasetsActions {
  loadList: () => Promise<void>
  /** Loads once, for the first visit to the screen; later changes arrive via refresh. */
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
  openCreate: () => void
  closeCreate: () => void
  /** datasets.create; returns the new dataset, or null when the core refused (shown in `creating`). */
  create: (name: string, description: string) => Promise<DatasetDetail | null>
}

export interface DatasetsState {
  list: DatasetSummary[]
  listLoad: LoadState
  createOpen: boolean
  creating: SubmitState
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
        await settleLatest(seq, n, client.call('datasets.list', {}), {
          value: (list) => set({ list, listLoad: ready }),
          error: (error) => set({ listLoad: failed(error) }),
        })
      },
      async ensureLoaded() {
        if (get().listLoad.status === 'idle') await actions.loadList()
      },
      async refresh() {
        // Nothing shown yet means nothing stale: the first visit loads fresh anyway.
        if (get().listLoad.status !== 'idle') await actions.loadList()
      },
      openCreate: () => set({ createOpen: true, creating: submitIdle }),
      closeCreate: () => set({ createOpen: false, creating: submitIdle }),
      async create(name, description) {
        if (get().creating.status === 'busy') return null
        set({ creating: submitBusy })
        try {
          const detail = await client.call('datasets.create', { name, description })
          set({ creating: submitDone, createOpen: false })
          return detail
        } catch (error) {
          set({ creating: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
    }
    return { list: [], listLoad: idle, createOpen: false, creating: submitIdle, actions }
  })
}
