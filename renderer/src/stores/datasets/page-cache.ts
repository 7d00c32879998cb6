import type { DatasetCase } from '../../../../shared/domain/datasets'
import { emptyPageEntry, pageOf as pageAt, rowAt as rowIn, type PageEntry } from '../../lib/paging/page-cache'

/** The API's largest page: the table fetches cases 500 at a time as the user scrolls. */
export const casePageSize = 500
/** Pages kept per query (20,000 rows); the ones farthest from the last requested page go first. */
export const maxPagesPerQuery = 40

/** What the table shows: the working copy of one dataset, narrowed by search text and required tags. */
export interface CaseQuery {
  datasetId: string
  search: string
  tags: readonly string[]
}

export type CacheEntry = PageEntry<DatasetCase>

export const emptyEntry: CacheEntry = emptyPageEntry

/** One key per distinct query: the search is trimmed, the tag order does not matter. */
export function queryKey(query: CaseQuery): string {
  return JSON.stringify([query.datasetId, query.search.trim(), [...query.tags].sort()])
}

export function pageOf(index: number): number {
  return pageAt(index, casePageSize)
}

export function rowAt(entry: CacheEntry, index: number): DatasetCase | null {
  return rowIn(entry, index, casePageSize)
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
