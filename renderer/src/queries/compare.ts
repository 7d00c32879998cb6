import { useQueries, useQueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { CompareSlice } from '../../../shared/domain/compare'
import { rpcQueryOptions, useRpcClient, useRpcQuery } from '../api/query'
import { fetchSlicesOf } from '../stores/compare/compare-address'
import { pickableSlices, toCompareSlice, type PickableSlice } from '../stores/compare/compare-slices'
import { casesPageSize, type AddedRun, type CasesFilter } from '../stores/compare/compare-store'
import { selectCompareRuns } from '../stores/compare/selectors'
import { useCompare } from '../stores/hooks'

/** The slices the added runs offer (each run's summary, shared with the run screen's cache), in add order. */
export function useCompareSlices(runs: readonly AddedRun[]): PickableSlice[] {
  const client = useRpcClient()
  return useQueries({
    queries: runs.map((run) => rpcQueryOptions(client, 'runs.summary', { runId: run.id })),
    combine: (results) =>
      results.flatMap((result, i) => {
        const run = runs[i]
        return run && result.data ? pickableSlices(run.id, run.name, result.data.slices) : []
      }),
  })
}

/** What the store's addRun needs to pick a new run's slices: its summary, from the cache when there. */
export function useSlicesOf(runs: readonly AddedRun[]): (runId: string) => Promise<PickableSlice[]> {
  const client = useRpcClient()
  const queries = useQueryClient()
  return useCallback((runId) => fetchSlicesOf(client, queries, runs, runId), [client, queries, runs])
}

/** The chart series of the picked slices; the charts keep the last series while a new pick loads. */
export function useCompareData(chosen: readonly CompareSlice[]) {
  const input = chosen.length > 0 ? { slices: chosen.map(toCompareSlice) } : null
  return useRpcQuery('compare.data', input, { keepPrevious: true })
}

/** A prompt's metrics across its versions (the prompt of the last series). */
export function usePromptTrend(promptId: string | undefined) {
  return useRpcQuery('compare.promptTrend', promptId ? { promptId } : null)
}

/**
 * Case by case, baseline against candidate. A new pair or filter shows nothing until its own answer is
 * there: rows of the previous filter never pass for the new one.
 */
export function useCompareCases(
  baseline: PickableSlice | undefined,
  candidate: PickableSlice | undefined,
  filter: CasesFilter,
) {
  const input =
    baseline && candidate && baseline.id !== candidate.id
      ? {
          baseline: toCompareSlice(baseline),
          candidate: toCompareSlice(candidate),
          filter,
          limit: casesPageSize,
        }
      : null
  return useRpcQuery('compare.cases', input)
}

/** The added runs' slices: what the pickers list. */
export function useAddedSlices(): PickableSlice[] {
  return useCompareSlices(useCompare(selectCompareRuns))
}
