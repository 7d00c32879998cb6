import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'
import {
  casePageSize,
  emptyEntry,
  idsInRange,
  markStale,
  mergeVarNames,
  pageOf,
  pagesToFetch,
  queryKey,
  replaceCase,
  touchKey,
  withPage,
  type CacheEntry,
  type CaseQuery,
} from './page-cache'
import {
  addRange,
  clickIntent,
  emptySelection,
  replaceWith,
  toggleId,
  withoutIds,
  type ClickModifiers,
  type Selection,
} from './selection'

/** Tables whose change makes loaded pages of cases stale. */
export const caseTableTables = ['datasets', 'dataset_cases'] as const

export interface CaseTableActions {
  /** Shows a dataset's working copy from the top, unfiltered; selection and columns start afresh. */
  openDataset: (datasetId: string) => void
  close: () => void
  setSearch: (search: string) => void
  toggleTag: (tag: string) => void
  clearFilters: () => void
  /** Fetches the pages covering rows `start..end` that are not loaded (or stale); at most one call per page. */
  ensureRange: (start: number, end: number) => Promise<void>
  /** The core changed: every loaded page goes stale and the visible ones are fetched again. */
  refresh: () => Promise<void>
  replaceCase: (updated: DatasetCase) => void
  /** A click on a row's checkbox: toggles it, or with Shift selects from the anchor (loading rows as needed). */
  clickSelect: (index: number, modifiers?: ClickModifiers) => Promise<void>
  /** Adds rows `from..to` to the selection (loading rows as needed). */
  selectRange: (from: number, to: number) => Promise<void>
  selectIds: (ids: Iterable<string>) => void
  /** Selects every case matching the query, paging through them 500 at a time for their ids. */
  selectAll: () => Promise<void>
  clearSelection: () => void
  forgetIds: (ids: Iterable<string>) => void
  setActive: (index: number, column?: string) => void
}

export interface CaseTableState {
  query: CaseQuery | null
  key: string | null
  entries: Readonly<Record<string, CacheEntry>>
  /** Query keys, most recently shown first. */
  order: readonly string[]
  /** Variable names seen in this dataset's loaded rows, in order of first appearance: one column each. */
  varNames: readonly string[]
  loadError: ErrorInfo | null
  selection: Selection
  selectingAll: SubmitState
  active: number
  activeColumn: string
  actions: CaseTableActions
}

export type CaseTableStore = StoreApi<CaseTableState>

export function createCaseTableStore(client: ApiClient): CaseTableStore {
  /** Bumped when loaded data may be stale: replies to requests sent before are dropped. */
  let generation = 0
  const inflight = new Map<string, Promise<void>>()
  let visible = { start: 0, end: 0 }

  return createStore<CaseTableState>()((set, get) => {
    const callPage = (query: CaseQuery, page: number) =>
      client.call('datasets.cases', {
        datasetId: query.datasetId,
        offset: page * casePageSize,
        limit: casePageSize,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.tags.length > 0 ? { tags: [...query.tags] } : {}),
      })

    function fetchPage(query: CaseQuery, key: string, page: number): Promise<void> {
      const gen = generation
      const flight = `${gen}#${key}#${page}`
      const pending = inflight.get(flight)
      if (pending) return pending
      const request = (async () => {
        try {
          const reply = await callPage(query, page)
          // Out of order: the data changed since this request left, or the query was dropped from the cache.
          if (gen !== generation || !get().entries[key]) return
          set((s) => ({
            entries: {
              ...s.entries,
              [key]: withPage(s.entries[key] ?? emptyEntry, page, reply.cases, reply.total),
            },
            varNames:
              s.query?.datasetId === query.datasetId ? mergeVarNames(s.varNames, reply.cases) : s.varNames,
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

    function show(query: CaseQuery): void {
      const key = queryKey(query)
      const { order, evicted } = touchKey(get().order, key)
      const entries = { ...get().entries }
      for (const k of evicted) delete entries[k]
      entries[key] ??= emptyEntry
      visible = { start: 0, end: 0 }
      set({ query, key, entries, order, loadError: null, selection: emptySelection, active: 0 })
      void actions.ensureRange(0, 0)
    }

    const current = (): CacheEntry => {
      const { key, entries } = get()
      return (key && entries[key]) || emptyEntry
    }

    const actions: CaseTableActions = {
      openDataset(datasetId) {
        generation += 1
        set({ entries: {}, order: [], varNames: [], activeColumn: 'key', selectingAll: submitIdle })
        show({ datasetId, search: '', tags: [] })
      },
      close() {
        generation += 1
        set({ query: null, key: null, entries: {}, order: [], varNames: [], selection: emptySelection })
      },
      setSearch(search) {
        const query = get().query
        if (query && search !== query.search) show({ ...query, search })
      },
      toggleTag(tag) {
        const query = get().query
        if (!query) return
        const tags = query.tags.includes(tag) ? query.tags.filter((t) => t !== tag) : [...query.tags, tag]
        show({ ...query, tags })
      },
      clearFilters() {
        const query = get().query
        if (query) show({ ...query, search: '', tags: [] })
      },
      async ensureRange(start, end) {
        const { query, key } = get()
        if (!query || !key) return
        visible = { start, end }
        const pages = pagesToFetch(current(), start, end)
        await Promise.all(pages.map((page) => fetchPage(query, key, page)))
      },
      async refresh() {
        const { key, entries } = get()
        if (!key) return
        generation += 1
        const entry = entries[key]
        set({ entries: entry ? { [key]: markStale(entry) } : {}, order: [key] })
        await actions.ensureRange(visible.start, visible.end)
      },
      replaceCase(updated) {
        set((s) => {
          const entries: Record<string, CacheEntry> = {}
          for (const [k, entry] of Object.entries(s.entries)) entries[k] = replaceCase(entry, updated)
          return { entries, varNames: mergeVarNames(s.varNames, [updated]) }
        })
      },
      async clickSelect(index, modifiers = {}) {
        const intent = clickIntent(get().selection, index, modifiers)
        if (intent.kind === 'range') return actions.selectRange(intent.from, intent.to)
        const row = idsInRange(current(), index, index)?.[0]
        if (row) set((s) => ({ selection: toggleId(s.selection, row, index), active: index }))
      },
      async selectRange(from, to) {
        const key = get().key
        let ids = idsInRange(current(), from, to)
        if (!ids) {
          await actions.ensureRange(Math.min(from, to), Math.max(from, to))
          if (get().key !== key) return
          ids = idsInRange(current(), from, to)
        }
        if (ids) set((s) => ({ selection: addRange(s.selection, ids, from), active: to }))
      },
      selectIds: (ids) => set({ selection: replaceWith(ids) }),
      async selectAll() {
        const { query, key } = get()
        const total = current().total
        if (!query || !key || total === null || get().selectingAll.status === 'busy') return
        set({ selectingAll: submitBusy })
        try {
          const ids: string[] = []
          for (let page = 0; page <= pageOf(Math.max(0, total - 1)); page += 1) {
            const entry = current()
            const loaded = entry.stale[page] ? undefined : entry.pages[page]
            const cases = loaded ?? (await callPage(query, page)).cases
            if (get().key !== key) return set({ selectingAll: submitIdle })
            ids.push(...cases.map((c) => c.id))
          }
          set({ selection: replaceWith(ids), selectingAll: submitDone })
        } catch (error) {
          set({ selectingAll: submitFailed(toErrorInfo(error)) })
        }
      },
      clearSelection: () => set({ selection: emptySelection }),
      forgetIds: (ids) => set((s) => ({ selection: withoutIds(s.selection, ids) })),
      setActive: (index, column) =>
        set((s) => ({ active: Math.max(0, index), activeColumn: column ?? s.activeColumn })),
    }

    return {
      query: null,
      key: null,
      entries: {},
      order: [],
      varNames: [],
      loadError: null,
      selection: emptySelection,
      selectingAll: submitIdle,
      active: 0,
      activeColumn: 'key',
      actions,
    }
  })
}
