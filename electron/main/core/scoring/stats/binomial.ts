import { assertCount } from './validate'

/**
 * ln P(X ≤ k) for X ~ Binomial(n, ½), summed in log space so n in the thousands (or millions) neither
 * overflows C(n, i) nor underflows 2⁻ⁿ. The log-coefficients come from the recurrence
 * C(n, i+1) = C(n, i)·(n−i)/(i+1), which is exact enough (k·1e-16 drift) and needs no gamma function.
 */
export function logBinomialHalfLowerTail(k: number, n: number): number {
  const logTerms: number[] = []
  let logCoefficient = 0
  for (let i = 0; i <= k; i++) {
    logTerms.push(logCoefficient)
    logCoefficient += Math.log(n - i) - Math.log(i + 1)
  }
  return logSumExp(logTerms) - n * Math.LN2
}

function logSumExp(values: readonly number[]): number {
  // A loop, not Math.max(...values): spreading a million terms would overflow the call stack.
  let max = Number.NEGATIVE_INFINITY
  for (const value of values) if (value > max) max = value
  let sum = 0
  for (const value of values) sum += Math.exp(value - max)
  return max + Math.log(sum)
}

/**
 * Two-sided exact p-value that k1 and k2 successes out of k1 + k2 come from a fair coin:
 * min(1, 2·P(X ≤ min(k1, k2))), X ~ Bin(k1 + k2, ½). The shared core of McNemar's exact test and the
 * sign test. No trials at all is no evidence: p = 1.
 */
export function twoSidedBinomialHalfPValue(k1: number, k2: number): number {
  assertCount('count', k1)
  assertCount('count', k2)
  const n = k1 + k2
  if (n === 0) return 1
  const smaller = Math.min(k1, k2)
  return Math.min(1, 2 * Math.exp(logBinomialHalfLowerTail(smaller, n)))
}
