import { useQueries } from '@tanstack/react-query'
import type { ErrorInfo, MethodInput, MethodOutput } from '../../../shared/contract'
import type { RunResultRow } from '../../../shared/domain/runs'
import { toErrorInfo } from '../api'
import { rpcQueryOptions, useRpcClient } from '../api/query'
import { resultFilterInput, resultPageSize, type ResultQuery } from '../stores/runs/result-pages'

/** One page of the grid as a `runs.results` input: pages are keyed queries, 200 rows each. */
export function resultPageInput(query: ResultQuery, page: number): MethodInput<'runs.results'> {
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
  rowAt: (index: number) => RunResultRow | null
  error: ErrorInfo | null
}

type Page = MethodOutput<'runs.results'>

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
      ? pages.map((p) => rpcQueryOptions(client, 'runs.results', resultPageInput(query, p)))
      : [],
    combine: (answers) => viewOf(pages, answers),
  })
}
