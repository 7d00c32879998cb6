import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query'
import type { DatasetCase, DatasetCasePage } from '../../../shared/domain/datasets'
import type { ApiClient } from '../api'
import { rpcQueryKey, rpcQueryOptions, useRpcClient } from '../api/query'
import { casesPageSize } from '../stores/cases/cases-store'

/** Search reads the dataset a page at a time (the API's largest page) and keeps only matches. */
const searchPageSize = 500
const maxMatches = 50

/** One page of a dataset's cases; the previous page stays shown while the next loads (same dataset only). */
export function useCasePage(datasetId: string | null, offset: number) {
  const client = useRpcClient()
  const input = datasetId ? { datasetId, offset, limit: casesPageSize } : null
  return useQuery({
    ...(input
      ? rpcQueryOptions(client, 'datasets.cases', input)
      : { queryKey: rpcQueryKey('datasets.cases', { datasetId: '', offset, limit: 0 }), enabled: false }),
    placeholderData: (previous: DatasetCasePage | undefined, previousQuery) =>
      sameDataset(previousQuery?.queryKey, datasetId) ? previous : undefined,
  })
}

function sameDataset(key: QueryKey | undefined, datasetId: string | null): boolean {
  const input = key?.[1]
  return typeof input === 'object' && input !== null && 'datasetId' in input && input.datasetId === datasetId
}

export interface CaseMatches {
  cases: DatasetCase[]
  /** The search stopped at 50 matches: there may be more. */
  truncated: boolean
}

async function scan(client: ApiClient, datasetId: string, needle: string): Promise<CaseMatches> {
  const found: DatasetCase[] = []
  for (let offset = 0; ;) {
    const page = await client.call('datasets.cases', { datasetId, offset, limit: searchPageSize })
    found.push(...page.cases.filter((c) => c.key.toLowerCase().includes(needle)))
    offset += page.cases.length
    const full = found.length >= maxMatches
    if (full || page.cases.length === 0 || offset >= page.total)
      return { cases: found.slice(0, maxMatches), truncated: full }
  }
}

/**
 * Cases whose key contains `query` (case-insensitive), at most 50; null query: not searching. Keyed under
 * `datasets.cases` so a change of the tables it reads refreshes it like any page.
 */
export function useCaseKeySearch(datasetId: string | null, query: string) {
  const client = useRpcClient()
  const needle = query.trim().toLowerCase()
  return useQuery({
    queryKey: ['datasets.cases', { datasetId, keyContains: needle }] as const,
    queryFn: () => scan(client, datasetId ?? '', needle),
    enabled: datasetId !== null && needle !== '',
    placeholderData: keepPreviousData,
  })
}
