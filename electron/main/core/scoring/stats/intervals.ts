import { mean, sampleStandardDeviation } from './moments'
import { normalQuantile } from './normal'
import { quantileOfSorted } from './quantile'
import { tQuantile } from './t'
import { assertCount, assertFiniteValues, assertOpenProbability } from './validate'

export interface Interval {
  low: number
  high: number
}

export interface MeanInterval extends Interval {
  mean: number
}

/** The z with P(|Z| ≤ z) = confidence. */
function twoSidedZ(confidence: number): number {
  assertOpenProbability('confidence', confidence)
  return normalQuantile(1 - (1 - confidence) / 2)
}

/**
 * Wilson score interval for a pass rate (Wilson 1927; Newcombe 1998 method 3, no continuity
 * correction). Unlike the Wald interval p ± z·√(p(1−p)/n) it stays inside [0, 1] and does not collapse
 * to a point at 0 % or 100 %, which is exactly where gates like "format pass rate ≥ 99 %" live.
 * No trials (n = 0) gives the uninformative [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval {
  assertCount('successes', successes)
  assertCount('n', n)
  if (successes > n) throw new RangeError(`successes (${successes}) must not exceed n (${n})`)
  const z = twoSidedZ(confidence)
  if (n === 0) return { low: 0, high: 1 }
  const rate = successes / n
  const z2OverN = (z * z) / n
  const center = (rate + z2OverN / 2) / (1 + z2OverN)
  const halfWidth = (z / (1 + z2OverN)) * Math.sqrt((rate * (1 - rate)) / n + z2OverN / (4 * n))
  // At 0 and n the bound is exactly 0 or 1; pin it there instead of trusting rounding.
  return {
    low: successes === 0 ? 0 : Math.max(0, center - halfWidth),
    high: successes === n ? 1 : Math.min(1, center + halfWidth),
  }
}

/**
 * Student-t confidence interval for a mean: mean ± t(1−α/2, n−1)·s/√n. It assumes roughly normal
 * means, which holds for bounded scores at the sample sizes evals use; for tiny n it is honest by
 * being wide. Fewer than two values give null: with one value there is no spread to estimate.
 */
export function meanInterval(values: readonly number[], confidence = 0.95): MeanInterval | null {
  assertOpenProbability('confidence', confidence)
  assertFiniteValues('values', values)
  if (values.length < 2) return null
  const center = mean(values)
  const standardError = sampleStandardDeviation(values) / Math.sqrt(values.length)
  const halfWidth = tQuantile(1 - (1 - confidence) / 2, values.length - 1) * standardError
  return { mean: center, low: center - halfWidth, high: center + halfWidth }
}

/**
 * The p-th percentile, p on 0..100 as in numpy.percentile (so P95 latency is percentile(ms, 95)),
 * by linear interpolation between order statistics (numpy's default method). The input is not
 * modified. No values give null.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`p must be in [0, 100], got ${p}`)
  assertFiniteValues('values', values)
  if (values.length === 0) return null
  const sorted = Float64Array.from(values).sort()
  return quantileOfSorted(sorted, p / 100)
}
