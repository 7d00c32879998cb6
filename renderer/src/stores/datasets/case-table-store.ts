import type { QueryClient } from '@tanstack/react-query'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  cachedCaseRow,
  cachedCasesOf,
  fetchCasePage,
  onCachedCases,
  replaceCachedCase,
} from '../../queries/case-pages'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'
import { casePageSize, mergeVarNames, pageOf, queryKey, type CaseQuery } from './case-query'
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

export interface CaseTableActions {
  /** Shows a dataset's working copy from the top, unfiltered; selection and columns start afresh. */
  openDataset: (datasetId: string) => void
  close: () => void
  setSearch: (search: string) => void
  toggleTag: (tag: string) => void
  clearFilters: () => void
  /** Row `index` of the shown query if its page is loaded (the pages themselves are cached queries). */
  rowAt: (index: number) => DatasetCase | null
  /** A case the core just returned replaces the shown row (no refetch needed to see it). */
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

/** What the table shows and where the user is; the rows themselves live in the query cache. */
export interface CaseTableState {
  query: CaseQuery | null
  key: string | null
  /** Variable names seen in this dataset's loaded rows, in order of first appearance: one column each. */
  varNames: readonly string[]
  selection: Selection
  selectingAll: SubmitState
  active: number
  activeColumn: string
  actions: CaseTableActions
}

export type CaseTableStore = StoreApi<CaseTableState>

export function createCaseTableStore(client: ApiClient, queries: QueryClient): CaseTableStore {
  return createStore<CaseTableState>()((set, get) => {
    const show = (query: CaseQuery) =>
      set({ query, key: queryKey(query), selection: emptySelection, active: 0 })

    /** Ids of rows `from..to` in either order, or null when one of them is not loaded. */
    const loadedIds = (query: CaseQuery, from: number, to: number): string[] | null => {
      const ids: string[] = []
      for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
        const row = cachedCaseRow(queries, query, i)
        if (!row) return null
        ids.push(row.id)
      }
      return ids
    }

    /** Loads the pages covering rows `from..to`; false when the shown query changed meanwhile. */
    const loadRange = async (query: CaseQuery, from: number, to: number): Promise<boolean> => {
      const key = get().key
      for (let page = pageOf(Math.min(from, to)); page <= pageOf(Math.max(from, to)); page += 1) {
        await fetchCasePage(client, queries, query, page)
      }
      return get().key === key
    }

    const actions: CaseTableActions = {
      openDataset(datasetId) {
        const varNames = mergeVarNames([], cachedCasesOf(queries, datasetId))
        set({ varNames, activeColumn: 'key', selectingAll: submitIdle })
        show({ datasetId, search: '', tags: [] })
      },
      close: () => set({ query: null, key: null, varNames: [], selection: emptySelection }),
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
      rowAt(index) {
        const query = get().query
        return query ? cachedCaseRow(queries, query, index) : null
      },
      replaceCase: (updated) => replaceCachedCase(queries, updated),
      async clickSelect(index, modifiers = {}) {
        const intent = clickIntent(get().selection, index, modifiers)
        if (intent.kind === 'range') return actions.selectRange(intent.from, intent.to)
        const row = actions.rowAt(index)
        if (row) set((s) => ({ selection: toggleId(s.selection, row.id, index), active: index }))
      },
      async selectRange(from, to) {
        const query = get().query
        if (!query) return
        let ids = loadedIds(query, from, to)
        if (!ids && (await loadRange(query, from, to).catch(() => false))) ids = loadedIds(query, from, to)
        if (ids) set((s) => ({ selection: addRange(s.selection, ids, from), active: to }))
      },
      selectIds: (ids) => set({ selection: replaceWith(ids) }),
      selectAll: () => selectAll(),
      clearSelection: () => set({ selection: emptySelection }),
      forgetIds: (ids) => set((s) => ({ selection: withoutIds(s.selection, ids) })),
      setActive: (index, column) =>
        set((s) => ({ active: Math.max(0, index), activeColumn: column ?? s.activeColumn })),
    }

    async function selectAll(): Promise<void> {
      const { query, key } = get()
      if (!query || !key || get().selectingAll.status === 'busy') return
      set({ selectingAll: submitBusy })
      try {
        const ids: string[] = []
        for (let page = 0, total = 1; page * casePageSize < total; page += 1) {
          const reply = await fetchCasePage(client, queries, query, page)
          if (get().key !== key) return set({ selectingAll: submitIdle })
          total = reply.total
          ids.push(...reply.cases.map((c) => c.id))
        }
        set({ selection: replaceWith(ids), selectingAll: submitDone })
      } catch (error) {
        set({ selectingAll: submitFailed(toErrorInfo(error)) })
      }
    }

    return {
      query: null,
      key: null,
      varNames: [],
      selection: emptySelection,
      selectingAll: submitIdle,
      active: 0,
      activeColumn: 'key',
      actions,
    }
  })
}

/** Columns follow the rows: each answer for the shown dataset that arrives may bring new variables. */
export function followVarNames(store: CaseTableStore, queries: QueryClient): () => void {
  return onCachedCases(queries, (datasetId, cases) => {
    const { query, varNames } = store.getState()
    if (query?.datasetId !== datasetId) return
    const next = mergeVarNames(varNames, cases)
    if (next !== varNames) store.setState({ varNames: next })
  })
}
