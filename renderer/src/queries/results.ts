import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import type { ErrorInfo, MethodInput, MethodOutput } from '../../../shared/contract'
import type { ResultKeyInput, ResultRow } from '../../../shared/domain/result-rows'
import { toErrorInfo } from '../api'
import { rpcQueryOptions, useRpcClient, useRpcQuery } from '../api/query'
import { resultFilterInput, resultPageSize, type ResultQuery } from '../stores/runs/result-pages'

/** One page of the grid as a `runs.resultRows` input: pages are keyed queries, 200 rows each. */
export function resultPageInput(query: ResultQuery, page: number): MethodInput<'runs.resultRows'> {
  return {
    runId: query.runId,
    offset: page * resultPageSize,
    limit: resultPageSize,
    ...resultFilterInput(query),
  }
}

/** The pages covering rows `first..last`, and always the first page (it says how many rows there are). */
export function pagesCovering(first: number, last: number): number[] {
  const from = Math.floor(Math.max(0, first) / resultPageSize)
  const to = Math.max(from, Math.floor(Math.max(0, last) / resultPageSize))
  const pages = new Set([0])
  for (let p = from; p <= to; p++) pages.add(p)
  return [...pages]
}

export interface ResultsView {
  /** Rows matching the query; null until the first page has answered. */
  total: number | null
  rowAt: (index: number) => ResultRow | null
  error: ErrorInfo | null
}

type Page = MethodOutput<'runs.resultRows'>

function viewOf(
  pages: readonly number[],
  answers: readonly { data?: Page; error: Error | null }[],
): ResultsView {
  const byPage = new Map<number, Page>()
  answers.forEach((a, i) => {
    const page = pages[i]
    if (page !== undefined && a.data) byPage.set(page, a.data)
  })
  const failed = answers.find((a) => a.error)?.error
  return {
    total: byPage.get(0)?.total ?? null,
    rowAt: (index) => byPage.get(Math.floor(index / resultPageSize))?.results[index % resultPageSize] ?? null,
    error: failed ? toErrorInfo(failed) : null,
  }
}

/** The grid's rows `first..last` of `query`, one page query per 200 rows. */
export function useResultPages(query: ResultQuery | null, first: number, last: number): ResultsView {
  const client = useRpcClient()
  const pages = query ? pagesCovering(first, last) : []
  return useQueries({
    queries: query
      ? pages.map((p) => rpcQueryOptions(client, 'runs.resultRows', resultPageInput(query, p)))
      : [],
    combine: (answers) => viewOf(pages, answers),
  })
}

/** How many rows match the query (its first page says), null until that page has answered. */
export function useResultTotal(query: ResultQuery | null): number | null {
  const first = useRpcQuery('runs.resultRows', query ? resultPageInput(query, 0) : null, {
    select: pageTotal,
  })
  return first.data ?? null
}

const pageTotal = (page: Page): number => page.total

/** How many pages past the visible ones are fetched ahead in the scroll's direction (one the other way). */
export const pagesAheadCount = 3

/**
 * The pages worth fetching before the viewport reaches them: the neighbours of the visible pages, and in
 * the direction of a scroll `pagesAheadCount` pages on, so a fast scroll finds its rows already loaded.
 */
export function pagesAhead(first: number, last: number, direction: number, total: number): number[] {
  const lastPage = Math.floor(Math.max(0, total - 1) / resultPageSize)
  const from = Math.floor(Math.max(0, first) / resultPageSize)
  const to = Math.floor(Math.max(0, last) / resultPageSize)
  const before = direction < 0 ? pagesAheadCount : 1
  const after = direction > 0 ? pagesAheadCount : 1
  const pages: number[] = []
  for (let p = to + 1; p <= Math.min(lastPage, to + after); p++) pages.push(p)
  for (let p = from - 1; p >= Math.max(0, from - before); p--) pages.push(p)
  return pages
}

/**
 * Prefetches the pages around rows `first..last` into the cache without subscribing to them: they cost no
 * render when they arrive, and are there when the grid scrolls onto them.
 */
export function usePrefetchPages(
  query: ResultQuery | null,
  first: number,
  last: number,
  total: number | null,
): void {
  const client = useRpcClient()
  const queries = useQueryClient()
  const previousFirst = useRef(first)
  useEffect(() => {
    const direction = Math.sign(first - previousFirst.current)
    previousFirst.current = first
    if (!query || !total) return
    for (const page of pagesAhead(first, last, direction, total))
      void queries.prefetchQuery(rpcQueryOptions(client, 'runs.resultRows', resultPageInput(query, page)))
  }, [client, queries, query, first, last, total])
}

/** The full result a grid row names (request, attempt log and all): fetched only when its detail opens. */
export function useFullResult(row: ResultKeyInput) {
  const { runId, caseId, promptVersionId, provider, modelId, repeat } = row
  return useRpcQuery('runs.result', { runId, caseId, promptVersionId, provider, modelId, repeat })
}
