import type { CompareSlice } from '../../../shared/domain/compare'
import type { PairwiseCaseFilter } from '../../../shared/domain/pairwise'
import { useRpcMutation, useRpcQuery } from '../api/query'
import { toCompareSlice } from '../stores/compare/compare-slices'

/** Cases per page in the pairwise verdict list. */
export const pairwiseCasesPageSize = 100

/**
 * The comparisons of the two slices (either way round), newest first. Like every query here it is
 * refetched when a `db.changed` names the pairwise tables: the running judge announces each batch.
 */
export function usePairwiseList(a: CompareSlice | undefined, b: CompareSlice | undefined) {
  const input = a && b ? { a: toCompareSlice(a), b: toCompareSlice(b) } : null
  return useRpcQuery('pairwise.list', input)
}

/** One page of the comparison's cases; the last page stays shown while the next one loads. */
export function usePairwiseCases(id: string | null, filter: PairwiseCaseFilter, offset: number) {
  const input = id ? { id, filter, offset, limit: pairwiseCasesPageSize } : null
  return useRpcQuery('pairwise.cases', input, { keepPrevious: true })
}

export const useStartPairwise = () => useRpcMutation('pairwise.start')
export const useCancelPairwise = () => useRpcMutation('pairwise.cancel')
