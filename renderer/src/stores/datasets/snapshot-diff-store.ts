import { createStore, type StoreApi } from 'zustand/vanilla'

/** Two versions of a dataset: snapshot ids, `to` may be the working copy. */
export interface SnapshotPair {
  from: string
  to: string
}

export interface SnapshotDiffActions {
  open: (datasetId: string, pair: SnapshotPair) => void
  clear: () => void
}

/**
 * Which two versions the diff view compares; the diff is the `datasets.diffSnapshots` query (a diff
 * against the working copy follows case edits made anywhere).
 */
export interface SnapshotDiffState {
  datasetId: string | null
  pair: SnapshotPair | null
  actions: SnapshotDiffActions
}

export type SnapshotDiffStore = StoreApi<SnapshotDiffState>

export function createSnapshotDiffStore(): SnapshotDiffStore {
  return createStore<SnapshotDiffState>()((set) => ({
    datasetId: null,
    pair: null,
    actions: {
      open: (datasetId, pair) => set({ datasetId, pair }),
      clear: () => set({ datasetId: null, pair: null }),
    },
  }))
}
