import { assertFiniteValues } from './validate'

/** Arithmetic mean; NaN for no values (callers decide what an empty sample means). */
export function mean(values: readonly number[]): number {
  assertFiniteValues('values', values)
  let sum = 0
  for (const value of values) sum += value
  return sum / values.length
}

/**
 * Sample standard deviation (n − 1 in the denominator), two-pass for numerical stability.
 * NaN for fewer than two values: one value says nothing about spread.
 */
export function sampleStandardDeviation(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN
  const center = mean(values)
  let sumOfSquares = 0
  for (const value of values) sumOfSquares += (value - center) ** 2
  return Math.sqrt(sumOfSquares / (values.length - 1))
}
