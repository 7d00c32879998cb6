export interface RankedValues {
  /** Rank of each input value (1-based, ties get the average of the ranks they span), input order. */
  ranks: Float64Array
  /** Size of every group of tied values with more than one member. */
  tieGroupSizes: number[]
}

/**
 * Ranks non-negative magnitudes, treating values within `tolerance` of the first value of their
 * group as tied. The tolerance exists because scores are floats on small grids (0.25, 1/3 …) and
 * their differences can disagree in the last bit.
 */
export function rankWithTies(values: readonly number[], tolerance: number): RankedValues {
  const order = values.map((_, index) => index).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0))
  const ranks = new Float64Array(values.length)
  const tieGroupSizes: number[] = []
  let start = 0
  while (start < order.length) {
    const first = values[order[start] ?? 0] ?? 0
    let end = start + 1
    while (end < order.length && (values[order[end] ?? 0] ?? 0) - first <= tolerance) end++
    const averageRank = (start + 1 + end) / 2
    for (let k = start; k < end; k++) ranks[order[k] ?? 0] = averageRank
    if (end - start > 1) tieGroupSizes.push(end - start)
    start = end
  }
  return { ranks, tieGroupSizes }
}
