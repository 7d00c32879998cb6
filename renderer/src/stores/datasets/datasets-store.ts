import { createStore, type StoreApi } from 'zustand/vanilla'

export interface DatasetsActions {
  openCreate: () => void
  closeCreate: () => void
}

/** Whether the new-dataset dialog is open; the list itself is the `datasets.list` query (queries/datasets.ts). */
export interface DatasetsState {
  createOpen: boolean
  actions: DatasetsActions
}

export type DatasetsStore = StoreApi<DatasetsState>

export function createDatasetsStore(): DatasetsStore {
  return createStore<DatasetsState>()((set) => ({
    createOpen: false,
    actions: {
      openCreate: () => set({ createOpen: true }),
      closeCreate: () => set({ createOpen: false }),
    },
  }))
}
