import type { MethodInput } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'

/** The API's largest page: the table fetches cases 500 at a time as the user scrolls. */
export const casePageSize = 500

/** What the table shows: the working copy of one dataset, narrowed by search text and required tags. */
export interface CaseQuery {
  datasetId: string
  search: string
  tags: readonly string[]
}

/** One key per distinct query: the search is trimmed, the tag order does not matter. */
export function queryKey(query: CaseQuery): string {
  return JSON.stringify([query.datasetId, query.search.trim(), [...query.tags].sort()])
}

export function pageOf(index: number): number {
  return Math.floor(index / casePageSize)
}

/** Page `page` of `query` as a `datasets.cases` input: one keyed query per page, the same for equal queries. */
export function casePageInput(query: CaseQuery, page: number): MethodInput<'datasets.cases'> {
  const search = query.search.trim()
  return {
    datasetId: query.datasetId,
    offset: page * casePageSize,
    limit: casePageSize,
    ...(search ? { search } : {}),
    ...(query.tags.length > 0 ? { tags: [...query.tags].sort() } : {}),
  }
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
