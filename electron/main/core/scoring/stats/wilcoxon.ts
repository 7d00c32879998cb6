import { normalCdf } from './normal'
import { rankWithTies } from './ranks'
import { assertFiniteValues } from './validate'

export interface WilcoxonOptions {
  /**
   * Differences with |d| ≤ tolerance count as zero, and magnitudes within tolerance of each other as
   * tied. Default 1e-9: far below any real score step, above float noise like 0.1 + 0.2 − 0.3.
   */
  tolerance?: number
  /** 'auto' (default): exact when possible. 'normal' forces the approximation. */
  method?: 'auto' | 'normal'
}

export interface WilcoxonResult {
  /** Non-zero differences: the ones the test uses. */
  n: number
  /** Zero differences, dropped before ranking (Wilcoxon's own convention, scipy's zero_method='wilcox'). */
  zeros: number
  /** Sum of the ranks of the positive differences. */
  wPlus: number
  wMinus: number
  /** min(W+, W−), the two-sided statistic. */
  statistic: number
  /** Two-sided p-value, capped at 1. */
  pValue: number
  /** 'exact' when n ≤ 50 and there are no tied magnitudes; otherwise the normal approximation. */
  method: 'exact' | 'normal'
}

/** Up to 50 pairs the exact null distribution is cheap (50·1275 steps) and its counts (≤ 2⁵⁰) exact. */
const EXACT_MAX_N = 50

/**
 * Wilcoxon signed-rank test on paired differences (candidate − baseline): is the distribution of the
 * differences symmetric about zero? Uses the size of each change as well as its direction, so it is
 * more powerful than the sign test on scores like 1–5.
 * Zero differences are dropped (Wilcoxon 1945). Tied magnitudes get average ranks. The exact
 * distribution of W+ is used when n ≤ 50 without ties; otherwise the normal approximation with the tie
 * correction of the variance and a continuity correction of ½ towards the mean, matching
 * scipy.stats.wilcoxon(method='approx', correction=True). With no non-zero differences, p = 1.
 */
export function wilcoxonSignedRank(diffs: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  const { tolerance = 1e-9, method = 'auto' } = options
  assertFiniteValues('diffs', diffs)
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${tolerance}`)
  const nonZero = diffs.filter((d) => Math.abs(d) > tolerance)
  const zeros = diffs.length - nonZero.length
  const n = nonZero.length
  if (n === 0) return { n, zeros, wPlus: 0, wMinus: 0, statistic: 0, pValue: 1, method: 'exact' }
  const { ranks, tieGroupSizes } = rankWithTies(
    nonZero.map((d) => Math.abs(d)),
    tolerance,
  )
  let wPlus = 0
  nonZero.forEach((d, i) => {
    if (d > 0) wPlus += ranks[i] ?? 0
  })
  const wMinus = (n * (n + 1)) / 2 - wPlus
  const statistic = Math.min(wPlus, wMinus)
  const useExact = method === 'auto' && n <= EXACT_MAX_N && tieGroupSizes.length === 0
  const pValue = useExact ? exactPValue(statistic, n) : normalPValue(statistic, n, tieGroupSizes)
  return { n, zeros, wPlus, wMinus, statistic, pValue, method: useExact ? 'exact' : 'normal' }
}

/** 2·P(W ≤ statistic) under the null, from the count of subsets of {1..n} with each rank sum. */
function exactPValue(statistic: number, n: number): number {
  const counts = signedRankSumCounts(n)
  let atOrBelow = 0
  for (let sum = 0; sum <= statistic; sum++) atOrBelow += counts[sum] ?? 0
  return Math.min(1, (2 * atOrBelow) / 2 ** n)
}

/** counts[s] = number of subsets of {1, …, n} whose elements sum to s (dynamic programming). */
function signedRankSumCounts(n: number): Float64Array {
  const maxSum = (n * (n + 1)) / 2
  const counts = new Float64Array(maxSum + 1)
  counts[0] = 1
  for (let rank = 1; rank <= n; rank++) {
    for (let sum = (rank * (rank + 1)) / 2; sum >= rank; sum--) {
      counts[sum] = (counts[sum] ?? 0) + (counts[sum - rank] ?? 0)
    }
  }
  return counts
}

function normalPValue(statistic: number, n: number, tieGroupSizes: readonly number[]): number {
  const expected = (n * (n + 1)) / 4
  const tieAdjustment = tieGroupSizes.reduce((sum, t) => sum + t * t * t - t, 0) / 48
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieAdjustment
  const continuity = 0.5 * Math.sign(statistic - expected)
  const z = (statistic - expected - continuity) / Math.sqrt(variance)
  return Math.min(1, 2 * normalCdf(-Math.abs(z)))
}
