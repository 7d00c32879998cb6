import { createStore, type StoreApi } from 'zustand/vanilla'

export const casesPageSize = 50

export interface CasesActions {
  selectDataset: (datasetId: string | null) => void
  loadPage: (offset: number) => void
  /** Finds cases whose key contains `query` (case-insensitive); '' goes back to paging. */
  search: (query: string) => void
}

/**
 * Which dataset, page and key search the preview's case picker shows; the cases are `datasets.cases`
 * queries (queries/cases.ts), refreshed when cases change anywhere.
 */
export interface CasesState {
  datasetId: string | null
  offset: number
  query: string
  actions: CasesActions
}

export type CasesStore = StoreApi<CasesState>

export function createCasesStore(): CasesStore {
  return createStore<CasesState>()((set) => ({
    datasetId: null,
    offset: 0,
    query: '',
    actions: {
      selectDataset: (datasetId) => set({ datasetId, offset: 0, query: '' }),
      loadPage: (offset) => set({ offset }),
      search: (query) => set({ query }),
    },
  }))
}
