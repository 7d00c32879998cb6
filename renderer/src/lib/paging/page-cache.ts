/** Queries whose pages are kept by default, so toggling a filter back shows rows at once. */
export const defaultMaxQueries = 6

/** The loaded pages of one query in a paged, virtualized grid. */
export interface PageEntry<Row> {
  /** Rows matching the query; null until the first page arrives. */
  total: number | null
  pages: Readonly<Record<number, readonly Row[]>>
  /** Pages shown from before a change in the core: kept on screen, fetched again when next needed. */
  stale: Readonly<Record<number, true>>
}

/** One shared empty entry: `never` rows make it fit every row type. */
export const emptyPageEntry: PageEntry<never> = { total: null, pages: {}, stale: {} }

export function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize)
}

export function rowAt<Row>(entry: PageEntry<Row>, index: number, pageSize: number): Row | null {
  return entry.pages[pageOf(index, pageSize)]?.[index % pageSize] ?? null
}

/** Pages covering rows `start..end` (inclusive) that are not loaded, or loaded but stale. */
export function pagesToFetch<Row>(
  entry: PageEntry<Row>,
  start: number,
  end: number,
  pageSize: number,
): number[] {
  const last = entry.total === null ? end : Math.min(end, entry.total - 1)
  const first = pageOf(Math.max(0, start), pageSize)
  // Nothing known there yet, or an empty page gone stale (an empty query that now has rows).
  if (last < start) return entry.total === null || entry.stale[first] ? [first] : []
  const pages: number[] = []
  for (let page = first; page <= pageOf(last, pageSize); page += 1) {
    if (!entry.pages[page] || entry.stale[page]) pages.push(page)
  }
  return pages
}

/** Adds a fetched page; beyond `maxPages`, drops the pages farthest from it. */
export function withPage<Row>(
  entry: PageEntry<Row>,
  page: number,
  rows: readonly Row[],
  total: number,
  maxPages: number,
): PageEntry<Row> {
  const pages: Record<number, readonly Row[]> = { ...entry.pages, [page]: rows }
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
export function markStale<Row>(entry: PageEntry<Row>): PageEntry<Row> {
  const stale: Record<number, true> = {}
  for (const page of Object.keys(entry.pages)) stale[Number(page)] = true
  return { ...entry, stale }
}

/** Moves `key` to the front; returns the new order and the keys pushed out beyond `max`. */
export function touchKey(order: readonly string[], key: string, max = defaultMaxQueries) {
  const next = [key, ...order.filter((k) => k !== key)]
  return { order: next.slice(0, max), evicted: next.slice(max) }
}
