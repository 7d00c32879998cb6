import type { QueryClient } from '@tanstack/react-query'
import type { ApiClient } from '../../api'
import { rpcQueryOptions } from '../../api/query'
import type { RunFeed } from '../../queries/run-feed'
import { pickableSlices, type PickableSlice } from './compare-slices'
import type { AddedRun, CompareStore } from './compare-store'

/** A run's pickable slices from its summary (the cached one when there), named as the added runs say. */
export async function fetchSlicesOf(
  client: ApiClient,
  queries: QueryClient,
  runs: readonly AddedRun[],
  runId: string,
): Promise<PickableSlice[]> {
  const summary = await queries.fetchQuery(rpcQueryOptions(client, 'runs.summary', { runId }))
  const name = runs.find((r) => r.id === runId)?.name ?? runId
  return pickableSlices(runId, name, summary.slices)
}

/**
 * Adds the runs an address names (`#/compare?runs=a,b`) to Compare, in order, with their slices picked.
 * A run already added stays as it is; one the core does not know shows the store's add error.
 */
export async function addRunsToCompare(
  stores: { client: ApiClient; queries: QueryClient; runFeed: RunFeed; compare: CompareStore },
  runIds: readonly string[],
): Promise<void> {
  const { client, queries, runFeed, compare } = stores
  const list = await queries.fetchQuery(runFeed.listOptions).catch(() => [])
  const named = runIds.map((id) => ({ id, name: list.find((r) => r.id === id)?.name ?? id }))
  const slicesOf = (runId: string) => fetchSlicesOf(client, queries, named, runId)
  for (const run of named) await compare.getState().actions.addRun(run, slicesOf)
}
