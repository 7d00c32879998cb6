/**
 * The p-quantile (p in 0..1) of values already sorted ascending, by linear interpolation between the
 * order statistics at (n − 1)·p: numpy's default ("linear", Hyndman & Fan type 7). Internal helper for
 * percentile() and the bootstrap; it assumes a non-empty sorted ArrayLike and a valid p.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const position = (sorted.length - 1) * p
  const lowerIndex = Math.floor(position)
  const lower = sorted[lowerIndex] ?? Number.NaN
  const fraction = position - lowerIndex
  if (fraction === 0) return lower
  const upper = sorted[lowerIndex + 1] ?? lower
  return lower + (upper - lower) * fraction
}
