import { createStore, type StoreApi } from 'zustand/vanilla'

export const defaultThreshold = 0.85

export interface DuplicatesActions {
  /** Asks for exact and near duplicates (Jaccard similarity of the inputs at least `threshold`). */
  find: (datasetId: string, threshold?: number) => void
  clear: () => void
}

/**
 * Which search the duplicates panel shows (nothing until the user asks); the groups are the
 * `datasets.duplicates` query, refreshed when cases change while the panel shows them.
 */
export interface DuplicatesState {
  datasetId: string | null
  threshold: number
  actions: DuplicatesActions
}

export type DuplicatesStore = StoreApi<DuplicatesState>

export function createDuplicatesStore(): DuplicatesStore {
  return createStore<DuplicatesState>()((set, get) => ({
    datasetId: null,
    threshold: defaultThreshold,
    actions: {
      find: (datasetId, threshold = get().threshold) => set({ datasetId, threshold }),
      clear: () => set({ datasetId: null }),
    },
  }))
}
