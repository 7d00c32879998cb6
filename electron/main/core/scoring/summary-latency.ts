import type { SliceKey } from '../../../../shared/domain/scoring'
import type { RunAggregatesRepo } from '../db/repos/run-aggregates'

/**
 * The p-th percentile (0..100) of a slice's answered latencies, read from the sorted latency index: the two
 * order statistics around the position and numpy's linear interpolation between them — the figure
 * stats.percentile gives over all the values, without loading them. Null when the slice has none (`n` = 0).
 */
export function latencyPercentile(
  repo: Pick<RunAggregatesRepo, 'latenciesAt'>,
  runId: string,
  slice: SliceKey,
  n: number,
  p: number,
): number | null {
  if (n === 0) return null
  const position = (n - 1) * (p / 100)
  const lowerIndex = Math.floor(position)
  const [lower, upper] = repo.latenciesAt(runId, slice, lowerIndex)
  if (lower === undefined) return null
  const fraction = position - lowerIndex
  if (fraction === 0) return lower
  return lower + ((upper ?? lower) - lower) * fraction
}
