import type { QueryClient } from '@tanstack/react-query'
import type { DatasetSummary } from '../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../api'
import { methodKey, rpcQueryOptions, useRpcMutation, useRpcQuery } from '../api/query'

const noDatasets: readonly DatasetSummary[] = []

/** Every dataset with its size, snapshots and tags; refreshed when cases, datasets or snapshots change. */
export function useDatasetList() {
  const query = useRpcQuery('datasets.list', {})
  return { datasets: query.data ?? noDatasets, query, error: query.error ? toErrorInfo(query.error) : null }
}

/** The dataset list for a move that needs it (the new-run form's first dataset); [] if it cannot be read. */
export function fetchDatasetList(client: ApiClient, queries: QueryClient): Promise<DatasetSummary[]> {
  return queries.fetchQuery(rpcQueryOptions(client, 'datasets.list', {})).catch(() => [])
}

/** A dataset the core just returned (created, imported, copied) is in the list at once. */
export function refreshDatasetList(queries: QueryClient): void {
  void queries.invalidateQueries({ queryKey: methodKey('datasets.list') })
}

export function useCreateDataset() {
  return useRpcMutation('datasets.create')
}

/** The cases that changed between two versions of a dataset; null: nothing to compare. */
export function useSnapshotDiff(datasetId: string | null, pair: { from: string; to: string } | null) {
  return useRpcQuery('datasets.diffSnapshots', datasetId && pair ? { datasetId, ...pair } : null)
}

/** Duplicate groups of the search the user asked for (null: none asked for this dataset). */
export function useDuplicateGroups(datasetId: string | null, threshold: number) {
  return useRpcQuery('datasets.duplicates', datasetId ? { datasetId, threshold } : null)
}
