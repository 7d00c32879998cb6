import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'
import { createPagedQuery } from '../../lib/paging/paged-query'
import {
  casePageSize,
  idsInRange,
  maxPagesPerQuery,
  mergeVarNames,
  pageOf,
  queryKey,
  replaceCase,
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
  return createStore<CaseTableState>()((set, get) => {
    const callPage = (query: CaseQuery, page: number) =>
      client.call('datasets.cases', {
        datasetId: query.datasetId,
        offset: page * casePageSize,
        limit: casePageSize,
        ...(query.search.trim() ? { search: query.search.trim() } : {}),
        ...(query.tags.length > 0 ? { tags: [...query.tags] } : {}),
      })

    const paged = createPagedQuery<CaseQuery, DatasetCase, CaseTableState>({
      get,
      set,
      pageSize: casePageSize,
      maxPages: maxPagesPerQuery,
      keyOf: queryKey,
      fetchPage: async (query, page) => {
        const reply = await callPage(query, page)
        return { rows: reply.cases, total: reply.total }
      },
      // Columns come from the rows: a page of the shown dataset may bring new variables.
      onPage: (s, query, cases) => ({
        varNames: s.query?.datasetId === query.datasetId ? mergeVarNames(s.varNames, cases) : s.varNames,
      }),
    })

    const show = (query: CaseQuery) => paged.show(query, { selection: emptySelection, active: 0 })
    const current = paged.current

    const actions: CaseTableActions = {
      openDataset(datasetId) {
        paged.invalidate()
        set({ entries: {}, order: [], varNames: [], activeColumn: 'key', selectingAll: submitIdle })
        show({ datasetId, search: '', tags: [] })
      },
      close() {
        paged.invalidate()
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
      ensureRange: paged.ensureRange,
      refresh: paged.refresh,
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
