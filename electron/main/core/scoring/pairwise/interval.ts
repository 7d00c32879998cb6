import type { Interval } from '../stats'
import { normalQuantile } from '../stats'

/**
 * Wilson's 95 % score interval for a win rate where a tie counts half: the same formula as the pass-rate
 * interval (stats/intervals.ts), which takes whole successes, written for a rate so half wins are allowed.
 * Counting each case twice instead would claim twice the cases and make the interval too narrow.
 */
export function winRateInterval(rate: number, n: number): Interval {
  if (n === 0) return { low: 0, high: 1 }
  const z = normalQuantile(0.975)
  const z2OverN = (z * z) / n
  const center = (rate + z2OverN / 2) / (1 + z2OverN)
  const halfWidth = (z / (1 + z2OverN)) * Math.sqrt((rate * (1 - rate)) / n + z2OverN / (4 * n))
  return {
    low: rate === 0 ? 0 : Math.max(0, center - halfWidth),
    high: rate === 1 ? 1 : Math.min(1, center + halfWidth),
  }
}
