import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DatasetCase, DatasetCasePage } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'

/** Tables whose change makes a shown page of cases stale. */
export const casesTables = ['datasets', 'dataset_cases'] as const

export const casesPageSize = 50
/** Search reads the dataset a page at a time (the API's largest page) and keeps only matches. */
const searchPageSize = 500
const maxMatches = 50

export interface CasesActions {
  selectDataset: (datasetId: string | null) => Promise<void>
  loadPage: (offset: number) => Promise<void>
  /** Finds cases whose key contains `query` (case-insensitive); '' goes back to paging. */
  search: (query: string) => Promise<void>
  refresh: () => Promise<void>
}

export interface CasesState {
  datasetId: string | null
  page: DatasetCasePage | null
  pageLoad: LoadState
  query: string
  /** Cases matching `query`, at most 50; null when not searching. */
  matches: DatasetCase[] | null
  /** True when the search stopped at 50 matches: there may be more. */
  truncated: boolean
  searchLoad: LoadState
  actions: CasesActions
}

export type CasesStore = StoreApi<CasesState>

export function createCasesStore(client: ApiClient): CasesStore {
  const pageSeq = createSequence()
  const searchSeq = createSequence()

  return createStore<CasesState>()((set, get) => {
    async function scan(datasetId: string, needle: string, n: number): Promise<void> {
      const found: DatasetCase[] = []
      let offset = 0
      for (;;) {
        const page = await client.call('datasets.cases', { datasetId, offset, limit: searchPageSize })
        if (!searchSeq.isLatest(n)) return
        found.push(...page.cases.filter((c) => c.key.toLowerCase().includes(needle)))
        offset += page.cases.length
        const full = found.length >= maxMatches
        if (full || page.cases.length === 0 || offset >= page.total) {
          return set({ matches: found.slice(0, maxMatches), truncated: full, searchLoad: ready })
        }
      }
    }

    const actions: CasesActions = {
      async selectDataset(datasetId) {
        searchSeq.next()
        set({ datasetId, page: null, query: '', matches: null, truncated: false, searchLoad: idle })
        if (datasetId) await actions.loadPage(0)
        else set({ pageLoad: idle })
      },
      async loadPage(offset) {
        const datasetId = get().datasetId
        if (!datasetId) return
        const n = pageSeq.next()
        set({ pageLoad: loading })
        try {
          const page = await client.call('datasets.cases', { datasetId, offset, limit: casesPageSize })
          if (pageSeq.isLatest(n) && get().datasetId === datasetId) set({ page, pageLoad: ready })
        } catch (error) {
          if (pageSeq.isLatest(n)) set({ pageLoad: failed(toErrorInfo(error)) })
        }
      },
      async search(query) {
        const n = searchSeq.next()
        const datasetId = get().datasetId
        const needle = query.trim().toLowerCase()
        set({ query })
        if (!datasetId || !needle) return set({ matches: null, truncated: false, searchLoad: idle })
        set({ searchLoad: loading })
        try {
          await scan(datasetId, needle, n)
        } catch (error) {
          if (searchSeq.isLatest(n)) set({ searchLoad: failed(toErrorInfo(error)) })
        }
      },
      async refresh() {
        const s = get()
        if (!s.datasetId) return
        await Promise.all([actions.loadPage(s.page?.offset ?? 0), s.query ? actions.search(s.query) : null])
      },
    }
    return {
      datasetId: null,
      page: null,
      pageLoad: idle,
      query: '',
      matches: null,
      truncated: false,
      searchLoad: idle,
      actions,
    }
  })
}
