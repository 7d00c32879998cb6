import { createStore, type StoreApi } from 'zustand/vanilla'
import { readsOf, type ErrorInfo } from '../../../../shared/contract'
import type { RunResultRow } from '../../../../shared/domain/runs'
import type { ApiClient } from '../../api'
import { createPagedQuery } from '../../lib/paging/paged-query'
import {
  maxResultPages,
  noFilter,
  resultAt,
  resultFilterInput,
  resultPageSize,
  resultQueryKey,
  type ResultEntry,
  type ResultFilter,
  type ResultQuery,
} from './result-pages'

/** Results are written in batches while a run goes; the visible page is refreshed at most once a second. */
export const resultsTables = readsOf('runs.results')
export const liveRefreshMs = 1000

export interface ResultsActions {
  /** Shows a run's results from the top, unfiltered; the same run again keeps its filters and refetches. */
  open: (runId: string) => void
  close: () => void
  setFilter: (patch: Partial<ResultFilter>) => void
  clearFilters: () => void
  /** Fetches the missing or stale pages covering rows `start..end`; at most one call per page. */
  ensureRange: (start: number, end: number) => Promise<void>
  /** New results were written: loaded pages go stale and the visible ones are fetched again. */
  refresh: () => Promise<void>
  setActive: (index: number) => void
  /** Shows the full request and response of row `index` (the active row when omitted). */
  openDetail: (index?: number) => void
  closeDetail: () => void
}

export interface ResultsState {
  query: ResultQuery | null
  key: string | null
  entries: Readonly<Record<string, ResultEntry>>
  order: readonly string[]
  loadError: ErrorInfo | null
  active: number
  /** The result whose detail is open; kept as it was while pages refresh (results never change). */
  detail: RunResultRow | null
  actions: ResultsActions
}

export type ResultsStore = StoreApi<ResultsState>

export function createResultsStore(client: ApiClient): ResultsStore {
  return createStore<ResultsState>()((set, get) => {
    const paged = createPagedQuery<ResultQuery, RunResultRow, ResultsState>({
      get,
      set,
      pageSize: resultPageSize,
      maxPages: maxResultPages,
      keyOf: resultQueryKey,
      fetchPage: async (query, page) => {
        const reply = await client.call('runs.results', {
          runId: query.runId,
          offset: page * resultPageSize,
          limit: resultPageSize,
          ...resultFilterInput(query),
        })
        return { rows: reply.results, total: reply.total }
      },
    })

    const show = (query: ResultQuery) => paged.show(query, { active: 0 })

    const actions: ResultsActions = {
      open(runId) {
        if (get().query?.runId === runId) {
          void actions.refresh()
          return
        }
        paged.invalidate()
        set({ entries: {}, order: [], detail: null })
        show({ runId, ...noFilter })
      },
      close() {
        paged.invalidate()
        set({ query: null, key: null, entries: {}, order: [], detail: null, loadError: null })
      },
      setFilter(patch) {
        const query = get().query
        if (!query) return
        const next = { ...query, ...patch }
        if (resultQueryKey(next) !== get().key) show(next)
      },
      clearFilters: () => actions.setFilter(noFilter),
      ensureRange: paged.ensureRange,
      refresh: paged.refresh,
      setActive: (index) => set({ active: Math.max(0, index) }),
      openDetail(index) {
        const at = index ?? get().active
        const row = resultAt(paged.current(), at)
        if (row) set({ detail: row, active: at })
      },
      closeDetail: () => set({ detail: null }),
    }

    return {
      query: null,
      key: null,
      entries: {},
      order: [],
      loadError: null,
      active: 0,
      detail: null,
      actions,
    }
  })
}
