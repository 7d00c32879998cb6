import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type { RunResult } from '../../../../shared/domain/runs'
import { toErrorInfo, type ApiClient } from '../../api'
import { touchKey } from '../datasets/page-cache'
import {
  emptyResultEntry,
  markResultsStale,
  noFilter,
  resultAt,
  resultFilterInput,
  resultPageSize,
  resultPagesToFetch,
  resultQueryKey,
  withResultPage,
  type ResultEntry,
  type ResultFilter,
  type ResultQuery,
} from './result-pages'

/** Results are written in batches while a run goes; the visible page is refreshed at most once a second. */
export const resultsTables = ['run_results'] as const
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
  detail: RunResult | null
  actions: ResultsActions
}

export type ResultsStore = StoreApi<ResultsState>

export function createResultsStore(client: ApiClient): ResultsStore {
  let generation = 0
  const inflight = new Map<string, Promise<void>>()
  let visible = { start: 0, end: 0 }

  return createStore<ResultsState>()((set, get) => {
    function fetchPage(query: ResultQuery, key: string, page: number): Promise<void> {
      const gen = generation
      const flight = `${gen}#${key}#${page}`
      const pending = inflight.get(flight)
      if (pending) return pending
      const request = (async () => {
        try {
          const reply = await client.call('runs.results', {
            runId: query.runId,
            offset: page * resultPageSize,
            limit: resultPageSize,
            ...resultFilterInput(query),
          })
          if (gen !== generation || !get().entries[key]) return
          set((s) => ({
            entries: {
              ...s.entries,
              [key]: withResultPage(s.entries[key] ?? emptyResultEntry, page, reply.results, reply.total),
            },
            loadError: key === s.key ? null : s.loadError,
          }))
        } catch (error) {
          if (gen === generation && key === get().key) set({ loadError: toErrorInfo(error) })
        } finally {
          inflight.delete(flight)
        }
      })()
      inflight.set(flight, request)
      return request
    }

    function show(query: ResultQuery): void {
      const key = resultQueryKey(query)
      const { order, evicted } = touchKey(get().order, key)
      const entries = { ...get().entries }
      for (const k of evicted) delete entries[k]
      entries[key] ??= emptyResultEntry
      visible = { start: 0, end: 0 }
      set({ query, key, entries, order, loadError: null, active: 0 })
      void actions.ensureRange(0, 0)
    }

    const current = (): ResultEntry => {
      const { key, entries } = get()
      return (key && entries[key]) || emptyResultEntry
    }

    const actions: ResultsActions = {
      open(runId) {
        if (get().query?.runId === runId) {
          void actions.refresh()
          return
        }
        generation += 1
        set({ entries: {}, order: [], detail: null })
        show({ runId, ...noFilter })
      },
      close() {
        generation += 1
        set({ query: null, key: null, entries: {}, order: [], detail: null, loadError: null })
      },
      setFilter(patch) {
        const query = get().query
        if (!query) return
        const next = { ...query, ...patch }
        if (resultQueryKey(next) !== get().key) show(next)
      },
      clearFilters: () => actions.setFilter(noFilter),
      async ensureRange(start, end) {
        const { query, key } = get()
        if (!query || !key) return
        visible = { start, end }
        const pages = resultPagesToFetch(current(), start, end)
        await Promise.all(pages.map((page) => fetchPage(query, key, page)))
      },
      async refresh() {
        const { key, entries } = get()
        if (!key) return
        generation += 1
        const entry = entries[key]
        set({ entries: entry ? { [key]: markResultsStale(entry) } : {}, order: [key] })
        await actions.ensureRange(visible.start, visible.end)
      },
      setActive: (index) => set({ active: Math.max(0, index) }),
      openDetail(index) {
        const at = index ?? get().active
        const row = resultAt(current(), at)
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
