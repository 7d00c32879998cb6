import { mean } from './moments'
import { quantileOfSorted } from './quantile'
import { createRandom, randomIndex, type Random } from './random'
import { assertFiniteValues, assertOpenProbability } from './validate'

export interface BootstrapOptions {
  /** Resamples drawn; 2000 keeps the Monte Carlo error of a 95 % bound near 0.1 standard errors. */
  iterations?: number
  confidence?: number
  /** Same seed, same data → same interval, so a stored gate result can be reproduced. */
  seed?: number
}

export interface BootstrapInterval {
  /** The observed mean delta (not the mean of the resamples). */
  mean: number
  low: number
  high: number
  /** Standard deviation of the resampled means: the bootstrap estimate of the mean's standard error. */
  standardError: number
}

/**
 * Percentile-bootstrap confidence interval for the mean of paired differences (candidate − baseline,
 * one per case). Resampling whole pairs with replacement keeps each case's two scores together, so the
 * correlation between runs (most cases pass on both) narrows the interval as it should.
 * All-equal deltas give a zero-width interval at that value: identical runs → { 0, 0, 0 }.
 * An empty list throws: with no paired cases there is no delta to estimate, and the caller must say so.
 */
export function pairedBootstrap(
  deltas: readonly number[],
  options: BootstrapOptions = {},
): BootstrapInterval {
  const { iterations = 2000, confidence = 0.95, seed = 1 } = options
  if (deltas.length === 0) throw new RangeError('pairedBootstrap needs at least one paired delta')
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new RangeError(`iterations must be a positive integer, got ${iterations}`)
  }
  assertOpenProbability('confidence', confidence)
  assertFiniteValues('deltas', deltas)
  const means = resampledMeans(deltas, iterations, createRandom(seed)).sort()
  const tail = (1 - confidence) / 2
  return {
    mean: mean(deltas),
    low: quantileOfSorted(means, tail),
    high: quantileOfSorted(means, 1 - tail),
    standardError: standardDeviationOf(means),
  }
}

/** The means of `iterations` resamples of the values, drawn with replacement. */
export function resampledMeans(values: readonly number[], iterations: number, random: Random): Float64Array {
  const n = values.length
  const means = new Float64Array(iterations)
  for (let i = 0; i < iterations; i++) {
    let sum = 0
    for (let j = 0; j < n; j++) sum += values[randomIndex(random, n)] ?? 0
    means[i] = sum / n
  }
  return means
}

/** With B − 1 in the denominator, as in Efron & Tibshirani's se_B (1993, eq. 6.6); 0 for one resample. */
function standardDeviationOf(values: Float64Array): number {
  if (values.length < 2) return 0
  let sum = 0
  for (const value of values) sum += value
  const center = sum / values.length
  let sumOfSquares = 0
  for (const value of values) sumOfSquares += (value - center) ** 2
  return Math.sqrt(sumOfSquares / (values.length - 1))
}
