import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ResultRow } from '../../../../shared/domain/result-rows'
import { noFilter, resultQueryKey, type ResultFilter, type ResultQuery } from './result-pages'

/*
 * The results grid's UI state only: which run, its filters, the selected row and the open detail. The rows
 * are page queries (renderer/src/queries/results.ts), refreshed as a running run writes results.
 */

/** While a run writes results, what it shows is refetched at most once per this many ms. */
export const liveRefreshMs = 1000

export interface ResultsActions {
  /** Shows a run's results from the top, unfiltered; the same run again keeps its filters. */
  open: (runId: string) => void
  close: () => void
  setFilter: (patch: Partial<ResultFilter>) => void
  /** Narrows the grid to one case (and slice) and opens its first result's detail once that row loads. */
  showCase: (filter: Partial<ResultFilter>) => void
  /** Opens the first row's detail if `showCase` asked for it (the grid calls this as rows load). */
  openPending: (first: ResultRow | null, total: number | null) => void
  clearFilters: () => void
  setActive: (index: number) => void
  /** Shows the full request and response of row `index`. */
  openDetail: (index: number, row: ResultRow) => void
  closeDetail: () => void
}

export interface ResultsState {
  query: ResultQuery | null
  /** The query as one string: a new one scrolls the grid to the top. */
  key: string | null
  active: number
  /** The row whose detail is open (its full result is fetched by its identity); kept while pages refresh. */
  detail: ResultRow | null
  /** `showCase` asked for the first row of the new query to open when it loads. */
  openFirst: boolean
  actions: ResultsActions
}

export type ResultsStore = StoreApi<ResultsState>

export function createResultsStore(): ResultsStore {
  return createStore<ResultsState>()((set, get) => {
    const show = (query: ResultQuery) => set({ query, key: resultQueryKey(query), active: 0 })
    const actions: ResultsActions = {
      open(runId) {
        if (get().query?.runId === runId) return
        set({ detail: null })
        show({ runId, ...noFilter })
      },
      close: () => set({ query: null, key: null, detail: null, openFirst: false }),
      setFilter(patch) {
        const query = get().query
        if (!query) return
        const next = { ...query, ...patch }
        if (resultQueryKey(next) !== get().key) show(next)
      },
      clearFilters: () => actions.setFilter(noFilter),
      showCase(filter) {
        const query = get().query
        if (!query) return
        show({ ...query, ...noFilter, ...filter })
        set({ detail: null, openFirst: true })
      },
      openPending(first, total) {
        if (!get().openFirst) return
        if (first) set({ detail: first, active: 0, openFirst: false })
        else if (total === 0) set({ openFirst: false })
      },
      setActive: (index) => set({ active: Math.max(0, index) }),
      openDetail: (index, row) => set({ detail: row, active: index, openFirst: false }),
      closeDetail: () => set({ detail: null }),
    }
    return { query: null, key: null, active: 0, detail: null, openFirst: false, actions }
  })
}
