import { useQueries, type QueryClient, type QueryKey } from '@tanstack/react-query'
import type { ErrorInfo, MethodOutput } from '../../../shared/contract'
import type { DatasetCase } from '../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../api'
import { methodKey, rpcQueryKey, rpcQueryOptions, useRpcClient, useRpcQuery } from '../api/query'
import { casePageInput, casePageSize, pageOf, type CaseQuery } from '../stores/datasets/case-query'

type Page = MethodOutput<'datasets.cases'>

/** The pages covering rows `first..last`, and always the first page (it says how many rows match). */
export function casePagesCovering(first: number, last: number): number[] {
  const from = pageOf(Math.max(0, first))
  const to = Math.max(from, pageOf(Math.max(0, last)))
  const pages = new Set([0])
  for (let p = from; p <= to; p++) pages.add(p)
  return [...pages]
}

export interface CaseTableView {
  /** Cases matching the query; null until the first page has answered. */
  total: number | null
  rowAt: (index: number) => DatasetCase | null
  error: ErrorInfo | null
}

function viewOf(
  pages: readonly number[],
  answers: readonly { data?: Page; error: Error | null }[],
): CaseTableView {
  const byPage = new Map<number, Page>()
  answers.forEach((a, i) => {
    const page = pages[i]
    if (page !== undefined && a.data) byPage.set(page, a.data)
  })
  const failed = answers.find((a) => a.error)?.error
  return {
    total: byPage.get(0)?.total ?? null,
    rowAt: (index) => byPage.get(pageOf(index))?.cases[index % casePageSize] ?? null,
    error: failed ? toErrorInfo(failed) : null,
  }
}

/**
 * The table's rows `first..last` of `query`, one keyed `datasets.cases` query per 500 rows: a change of the
 * tables it reads (db.changed) refetches the shown pages, keeping the old rows on screen meanwhile.
 */
export function useCaseTablePages(query: CaseQuery | null, first: number, last: number): CaseTableView {
  const client = useRpcClient()
  const pages = query ? casePagesCovering(first, last) : []
  return useQueries({
    queries: query
      ? pages.map((p) => rpcQueryOptions(client, 'datasets.cases', casePageInput(query, p)))
      : [],
    combine: (answers) => viewOf(pages, answers),
  })
}

/** Row `index` of `query` if its page is in the cache (null: not loaded). */
export function cachedCaseRow(queries: QueryClient, query: CaseQuery, index: number): DatasetCase | null {
  const page = queries.getQueryData<Page>(rpcQueryKey('datasets.cases', casePageInput(query, pageOf(index))))
  return page?.cases[index % casePageSize] ?? null
}

/** Page `page` of `query`: the cached answer while it is current, else fetched (and cached). */
export function fetchCasePage(client: ApiClient, queries: QueryClient, query: CaseQuery, page: number) {
  return queries.fetchQuery(rpcQueryOptions(client, 'datasets.cases', casePageInput(query, page)))
}

function hasCases(data: unknown): data is { cases: readonly DatasetCase[] } {
  return typeof data === 'object' && data !== null && Array.isArray((data as { cases?: unknown }).cases)
}

function datasetOf(key: QueryKey): string | null {
  const input = key[1]
  if (typeof input !== 'object' || input === null || !('datasetId' in input)) return null
  return typeof input.datasetId === 'string' ? input.datasetId : null
}

/** A case the core just returned replaces the cached row with the same id, on every page showing it. */
export function replaceCachedCase(queries: QueryClient, updated: DatasetCase): void {
  queries.setQueriesData<unknown>({ queryKey: methodKey('datasets.cases') }, (data: unknown) => {
    if (!hasCases(data) || !data.cases.some((c) => c.id === updated.id)) return data
    return { ...data, cases: data.cases.map((c) => (c.id === updated.id ? updated : c)) }
  })
}

/** The cases of `datasetId` in every cached `datasets.cases` answer. */
export function cachedCasesOf(queries: QueryClient, datasetId: string): DatasetCase[] {
  return queries
    .getQueriesData<unknown>({ queryKey: methodKey('datasets.cases') })
    .flatMap(([key, data]) => (datasetOf(key) === datasetId && hasCases(data) ? data.cases : []))
}

/** Calls `onCases` with the cases of each `datasets.cases` answer that arrives or changes in the cache. */
export function onCachedCases(
  queries: QueryClient,
  onCases: (datasetId: string, cases: readonly DatasetCase[]) => void,
): () => void {
  return queries.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return
    const key: QueryKey = event.query.queryKey as QueryKey
    const datasetId = key[0] === 'datasets.cases' ? datasetOf(key) : null
    const data: unknown = event.query.state.data
    if (datasetId && hasCases(data)) onCases(datasetId, data.cases)
  })
}

/** Cases matching `query` (its first page says); null until it has answered. */
export function useCaseMatchTotal(query: CaseQuery | null): number | null {
  const first = useRpcQuery('datasets.cases', query ? casePageInput(query, 0) : null, {
    select: (p) => p.total,
  })
  return first.data ?? null
}
