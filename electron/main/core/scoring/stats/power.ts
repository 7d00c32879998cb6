import { normalQuantile } from './normal'
import { assertCount, assertOpenProbability } from './validate'

export interface PowerOptions {
  /** Two-sided significance level; default 0.05. */
  alpha?: number
  /** Probability of detecting a true effect of the returned size; default 0.8. */
  power?: number
}

function zSum({ alpha = 0.05, power = 0.8 }: PowerOptions): number {
  assertOpenProbability('alpha', alpha)
  assertOpenProbability('power', power)
  return normalQuantile(1 - alpha / 2) + normalQuantile(power)
}

/**
 * Minimum detectable difference in pass rate (0..1) between two paired runs of n cases:
 * (z₁₋α/₂ + z_power)·√(ψ/n), ψ the share of discordant pairs. This is Connor's (1987) sample size
 * formula for McNemar's test solved for the effect, with its small ψ − δ² term taken as ψ, which
 * makes it slightly conservative (it overstates the MDE a little).
 * A discordant rate of 0 (identical runs) would claim any drop is detectable, which no finite sample
 * supports, so the rate is never taken below 3/n: the 95 % upper bound for a rate when no event was
 * seen ("rule of three", Hanley & Lippman-Hand 1983). The result is capped at 1 (whole scale);
 * n = 0 gives 1, whatever the rate (callers may pass 0/0 = NaN there).
 */
export function mdePairedProportions(n: number, discordantRate: number, options: PowerOptions = {}): number {
  assertCount('n', n)
  const z = zSum(options)
  // Before the rate check: with no pairs the caller's rate is 0/0, and the answer is "nothing" anyway.
  if (n === 0) return 1
  if (!(discordantRate >= 0 && discordantRate <= 1)) {
    throw new RangeError(`discordantRate must be in [0, 1], got ${discordantRate}`)
  }
  const assumedRate = Math.min(1, Math.max(discordantRate, 3 / n))
  return Math.min(1, z * Math.sqrt(assumedRate / n))
}

/**
 * Minimum detectable mean difference of paired scores on 0..1: (z₁₋α/₂ + z_power)·sd/√n, sd the
 * standard deviation of the per-case differences (normal approximation to the paired t-test).
 * Capped at 1; n = 0 gives 1. An sd of 0 gives 0: pass the spread you expect if none was observed.
 */
export function mdePairedMeans(n: number, sdOfDifferences: number, options: PowerOptions = {}): number {
  assertCount('n', n)
  if (!(sdOfDifferences >= 0) || !Number.isFinite(sdOfDifferences)) {
    throw new RangeError(`sdOfDifferences must be a finite number ≥ 0, got ${sdOfDifferences}`)
  }
  const z = zSum(options)
  if (n === 0) return 1
  return Math.min(1, (z * sdOfDifferences) / Math.sqrt(n))
}
