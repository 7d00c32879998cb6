import type { CompareSeries } from '../../../../shared/domain/compare'
import { compareSliceId } from './compare-slices'
import type { CompareState } from './compare-store'

export const selectCompareActions = (s: CompareState) => s.actions
export const selectCompareRuns = (s: CompareState) => s.runs
export const selectPicked = (s: CompareState) => s.selected

/** The chart series of a picked slice id, when compare.data has returned it. */
export function seriesOf(series: readonly CompareSeries[], sliceId: string | null): CompareSeries | null {
  return series.find((s) => compareSliceId(s) === sliceId) ?? null
}
