import type { DatasetCase } from '../../../../shared/domain/datasets'

/** The API's largest page: the table fetches cases 500 at a time as the user scrolls. */
export const casePageSize = 500
/** Queries whose pages are kept, so toggling a filter back shows rows at once. */
export const maxCachedQueries = 6
/** Pages kept per query (20,000 rows); the ones farthest from the last requested page go first. */
export const maxPagesPerQuery = 40

/** What the table shows: the working copy of one dataset, narrowed by search text and required tags. */
export interface CaseQuery {
  datasetId: string
  search: string
  tags: readonly string[]
}

export interface CacheEntry {
  /** Cases matching the query; null until the first page arrives. */
  total: number | null
  pages: Readonly<Record<number, readonly DatasetCase[]>>
  /** Pages shown from before a change in the core: kept on screen, fetched again when next needed. */
  stale: Readonly<Record<number, true>>
}

export const emptyEntry: CacheEntry = { total: null, pages: {}, stale: {} }

/** One key per distinct query: the search is trimmed, the tag order does not matter. */
export function queryKey(query: CaseQuery): string {
  return JSON.stringify([query.datasetId, query.search.trim(), [...query.tags].sort()])
}

export function pageOf(index: number): number {
  return Math.floor(index / casePageSize)
}

export function rowAt(entry: CacheEntry, index: number): DatasetCase | null {
  return entry.pages[pageOf(index)]?.[index % casePageSize] ?? null
}

/** Pages covering rows `start..end` (inclusive) that are not loaded, or loaded but stale. */
export function pagesToFetch(entry: CacheEntry, start: number, end: number): number[] {
  const last = entry.total === null ? end : Math.min(end, entry.total - 1)
  const pages: number[] = []
  // Nothing known there yet, or an empty page gone stale (an empty dataset that now has cases).
  if (last < start) return entry.total === null || entry.stale[pageOf(start)] ? [pageOf(start)] : pages
  for (let page = pageOf(Math.max(0, start)); page <= pageOf(last); page += 1) {
    if (!entry.pages[page] || entry.stale[page]) pages.push(page)
  }
  return pages
}

/** Adds a fetched page; beyond `maxPages`, drops the pages farthest from it. */
export function withPage(
  entry: CacheEntry,
  page: number,
  cases: readonly DatasetCase[],
  total: number,
  maxPages = maxPagesPerQuery,
): CacheEntry {
  const pages: Record<number, readonly DatasetCase[]> = { ...entry.pages, [page]: cases }
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

/** Every loaded page becomes stale: still shown, fetched again before it is trusted. */
export function markStale(entry: CacheEntry): CacheEntry {
  const stale: Record<number, true> = {}
  for (const page of Object.keys(entry.pages)) stale[Number(page)] = true
  return { ...entry, stale }
}

/** A case the core just returned replaces the loaded row with the same id (no refetch needed to see it). */
export function replaceCase(entry: CacheEntry, updated: DatasetCase): CacheEntry {
  for (const [page, cases] of Object.entries(entry.pages)) {
    const at = cases.findIndex((c) => c.id === updated.id)
    if (at < 0) continue
    const next = [...cases]
    next[at] = updated
    return { ...entry, pages: { ...entry.pages, [Number(page)]: next } }
  }
  return entry
}

/** Ids of rows `from..to` in either order, or null when one of them is not loaded. */
export function idsInRange(entry: CacheEntry, from: number, to: number): string[] | null {
  const ids: string[] = []
  for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
    const row = rowAt(entry, i)
    if (!row) return null
    ids.push(row.id)
  }
  return ids
}

/** Moves `key` to the front; returns the new order and the keys pushed out beyond `max`. */
export function touchKey(order: readonly string[], key: string, max = maxCachedQueries) {
  const next = [key, ...order.filter((k) => k !== key)]
  return { order: next.slice(0, max), evicted: next.slice(max) }
}

/** Variable names in order of first appearance; the same array back when `cases` add none. */
export function mergeVarNames(names: readonly string[], cases: readonly DatasetCase[]): readonly string[] {
  let next: string[] | null = null
  const seen = new Set(names)
  for (const c of cases) {
    for (const name of Object.keys(c.vars)) {
      if (seen.has(name)) continue
      seen.add(name)
      next ??= [...names]
      next.push(name)
    }
  }
  return next ?? names
}
