import type { RunResult } from '../../../../shared/domain/runs'

/** Results carry their rendered request and attempt log, so they come 200 to a page (the API allows 500). */
export const resultPageSize = 200
/** Pages kept per query; the ones farthest from the last fetched page go first. */
export const maxResultPages = 30

/** What the grid shows: one run's results, narrowed by the filters ('' means any). */
export interface ResultQuery {
  runId: string
  caseId: string
  modelId: string
  promptVersionId: string
  status: '' | 'ok' | 'error'
}

export type ResultFilter = Omit<ResultQuery, 'runId'>

export const noFilter: ResultFilter = { caseId: '', modelId: '', promptVersionId: '', status: '' }

export interface ResultEntry {
  /** Results matching the query; null until the first page arrives. */
  total: number | null
  pages: Readonly<Record<number, readonly RunResult[]>>
  /** Pages from before new results were written: kept on screen, fetched again when next needed. */
  stale: Readonly<Record<number, true>>
}

export const emptyResultEntry: ResultEntry = { total: null, pages: {}, stale: {} }

export function resultQueryKey(q: ResultQuery): string {
  return JSON.stringify([q.runId, q.caseId.trim(), q.modelId, q.promptVersionId, q.status])
}

/** The filter part of `runs.results` input: only the filters that are set. */
export function resultFilterInput(q: ResultQuery) {
  return {
    ...(q.caseId.trim() ? { caseId: q.caseId.trim() } : {}),
    ...(q.modelId ? { modelId: q.modelId } : {}),
    ...(q.promptVersionId ? { promptVersionId: q.promptVersionId } : {}),
    ...(q.status ? { status: q.status } : {}),
  }
}

export function resultPageOf(index: number): number {
  return Math.floor(index / resultPageSize)
}

export function resultAt(entry: ResultEntry, index: number): RunResult | null {
  return entry.pages[resultPageOf(index)]?.[index % resultPageSize] ?? null
}

/** Pages covering rows `start..end` (inclusive) that are missing or stale. */
export function resultPagesToFetch(entry: ResultEntry, start: number, end: number): number[] {
  const last = entry.total === null ? end : Math.min(end, entry.total - 1)
  // Nothing known there yet, or an empty page gone stale (a run that had no results now has some).
  const first = resultPageOf(Math.max(0, start))
  if (last < start) return entry.total === null || entry.stale[first] ? [first] : []
  const pages: number[] = []
  for (let page = first; page <= resultPageOf(last); page += 1) {
    if (!entry.pages[page] || entry.stale[page]) pages.push(page)
  }
  return pages
}

export function withResultPage(
  entry: ResultEntry,
  page: number,
  results: readonly RunResult[],
  total: number,
  maxPages = maxResultPages,
): ResultEntry {
  const pages: Record<number, readonly RunResult[]> = { ...entry.pages, [page]: results }
  const stale: Record<number, true> = { ...entry.stale }
  delete stale[page]
  const numbers = Object.keys(pages).map(Number)
  if (numbers.length > maxPages) {
    numbers
      .sort((a, b) => Math.abs(b - page) - Math.abs(a - page))
      .slice(0, numbers.length - maxPages)
      .forEach((n) => {
        delete pages[n]
        delete stale[n]
      })
  }
  return { total, pages, stale }
}

export function markResultsStale(entry: ResultEntry): ResultEntry {
  const stale: Record<number, true> = {}
  for (const page of Object.keys(entry.pages)) stale[Number(page)] = true
  return { ...entry, stale }
}

/** How a result is shown in the grid: an error, an answer reused from the cache, or a fresh answer. */
export function resultStatus(r: Pick<RunResult, 'errorKind' | 'cached'>): 'ok' | 'error' | 'cached' {
  if (r.errorKind !== null) return 'error'
  return r.cached ? 'cached' : 'ok'
}
