import { twoSidedBinomialHalfPValue } from './binomial'

export interface SignTestResult {
  /** positives + negatives: the pairs that differ (ties are not counted by the caller). */
  n: number
  positives: number
  negatives: number
  /** Exact two-sided p-value: 2·P(X ≤ min(positives, negatives)), X ~ Bin(n, ½), capped at 1. */
  pValue: number
}

/**
 * The exact sign test for paired scores: did the candidate score higher about as often as lower?
 * Uses only the direction of each change, so it suits ordinal scores whose differences are not
 * comparable in size. Pass the counts of non-zero differences; zero differences carry no direction.
 */
export function signTest(positives: number, negatives: number): SignTestResult {
  const pValue = twoSidedBinomialHalfPValue(positives, negatives)
  return { n: positives + negatives, positives, negatives, pValue }
}
