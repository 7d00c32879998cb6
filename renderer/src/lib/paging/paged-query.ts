import type { StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import { toErrorInfo } from '../../api'
import { emptyPageEntry, markStale, pagesToFetch, touchKey, withPage, type PageEntry } from './page-cache'

/** The part of a store's state that the paging owns. */
export interface PagedSlice<Query, Row> {
  query: Query | null
  key: string | null
  entries: Readonly<Record<string, PageEntry<Row>>>
  /** Query keys, most recently shown first. */
  order: readonly string[]
  loadError: ErrorInfo | null
}

export interface PageReply<Row> {
  rows: readonly Row[]
  total: number
}

export interface PagedQueryOptions<Query, Row, State extends PagedSlice<Query, Row>> {
  get: () => State
  set: StoreApi<State>['setState']
  pageSize: number
  /** Pages kept per query; the ones farthest from the last fetched page go first. */
  maxPages: number
  /** Queries whose pages are kept (the default of `touchKey` when omitted). */
  maxQueries?: number
  keyOf: (query: Query) => string
  /** Fetches page `page` (rows from `page * pageSize`, `pageSize` of them). */
  fetchPage: (query: Query, page: number) => Promise<PageReply<Row>>
  /** Store-specific state derived from each arriving page, set together with it so no render sees one without the other. */
  onPage?: (state: State, query: Query, rows: readonly Row[]) => Partial<State>
}

export interface PagedQuery<Query, Row, State> {
  /** The shown query's entry, or an empty one. */
  current: () => PageEntry<Row>
  /** Shows `query` from the top (its cached pages at once), with `extra` in the same `set`. */
  show: (query: Query, extra: Partial<State>) => void
  /** Fetches the missing or stale pages covering rows `start..end`; at most one call per page. */
  ensureRange: (start: number, end: number) => Promise<void>
  /** The core changed: only the shown query is kept, its pages go stale and the visible ones are fetched again. */
  refresh: () => Promise<void>
  /** Replies to requests already sent are dropped: the caller is about to replace what they would fill. */
  invalidate: () => void
}

export function createPagedQuery<Query, Row, State extends PagedSlice<Query, Row>>(
  options: PagedQueryOptions<Query, Row, State>,
): PagedQuery<Query, Row, State> {
  const { get, set, pageSize } = options
  /** Bumped when loaded data may be stale: replies to requests sent before are dropped. */
  let generation = 0
  const inflight = new Map<string, Promise<void>>()
  let visible = { start: 0, end: 0 }
  // TypeScript cannot check a literal against Partial<State> for a generic State; spread into this, it can.
  const noExtra: Partial<State> = {}

  function loadPage(query: Query, key: string, page: number): Promise<void> {
    const gen = generation
    const flight = `${gen}#${key}#${page}`
    const pending = inflight.get(flight)
    if (pending) return pending
    const request = (async () => {
      try {
        const reply = await options.fetchPage(query, page)
        // Out of order: the data changed since this request left, or the query was dropped from the cache.
        if (gen !== generation || !get().entries[key]) return
        set((s) => ({
          ...(options.onPage?.(s, query, reply.rows) ?? noExtra),
          entries: {
            ...s.entries,
            [key]: withPage(
              s.entries[key] ?? emptyPageEntry,
              page,
              reply.rows,
              reply.total,
              options.maxPages,
            ),
          },
          loadError: key === s.key ? null : s.loadError,
        }))
      } catch (error) {
        if (gen === generation && key === get().key) set({ ...noExtra, loadError: toErrorInfo(error) })
      } finally {
        inflight.delete(flight)
      }
    })()
    inflight.set(flight, request)
    return request
  }

  const current = (): PageEntry<Row> => {
    const { key, entries } = get()
    return (key && entries[key]) || emptyPageEntry
  }

  const paged: PagedQuery<Query, Row, State> = {
    current,
    show(query, extra) {
      const key = options.keyOf(query)
      const { order, evicted } = touchKey(get().order, key, options.maxQueries)
      const entries = { ...get().entries }
      for (const k of evicted) delete entries[k]
      entries[key] ??= emptyPageEntry
      visible = { start: 0, end: 0 }
      set({ ...extra, query, key, entries, order, loadError: null })
      void paged.ensureRange(0, 0)
    },
    async ensureRange(start, end) {
      const { query, key } = get()
      if (!query || !key) return
      visible = { start, end }
      const pages = pagesToFetch(current(), start, end, pageSize)
      await Promise.all(pages.map((page) => loadPage(query, key, page)))
    },
    async refresh() {
      const { key, entries } = get()
      if (!key) return
      generation += 1
      const entry = entries[key]
      set({ ...noExtra, entries: entry ? { [key]: markStale(entry) } : {}, order: [key] })
      await paged.ensureRange(visible.start, visible.end)
    },
    invalidate() {
      generation += 1
    },
  }
  return paged
}
