import { describe, expect, it } from 'vitest'
import { winRate } from '../../../../../electron/main/core/review/agreement'
import { normalQuantile, wilsonInterval } from '../../../../../electron/main/core/scoring/stats'

/** Wilson's interval straight from its closed form, which takes a fractional success count. */
function wilsonAtRate(rate: number, n: number): { low: number; high: number } {
  const z = normalQuantile(0.975)
  const z2OverN = (z * z) / n
  const center = (rate + z2OverN / 2) / (1 + z2OverN)
  const halfWidth = (z / (1 + z2OverN)) * Math.sqrt((rate * (1 - rate)) / n + z2OverN / (4 * n))
  return { low: center - halfWidth, high: center + halfWidth }
}

describe('winRate', () => {
  it('counts a tie as half a win and uses the Wilson interval on the share', () => {
    // 12 wins, 4 losses, 4 ties of 20: share (12 + 2)/20 = 0.7, the Wilson interval of 14/20.
    const result = winRate(12, 4, 4)
    expect(result).toEqual({ winRateA: 0.7, ci95: wilsonInterval(14, 20), judgments: 20 })
    // Newcombe (1998) anchor for the interval itself: 81/263 → [0.2553, 0.3662].
    const newcombe = winRate(81, 182, 0).ci95
    expect(newcombe?.low).toBeCloseTo(0.2553, 4)
    expect(newcombe?.high).toBeCloseTo(0.3662, 4)
  })

  it('with an odd number of ties stays within 0.005 of the interval at the half count (n ≥ 10)', () => {
    for (const [aWins, bWins, ties] of [
      [5, 4, 1],
      [3, 3, 5],
      [9, 0, 1],
      [20, 10, 7],
      [0, 30, 3],
    ] as const) {
      const result = winRate(aWins, bWins, ties)
      const n = aWins + bWins + ties
      const exact = wilsonAtRate((aWins + ties / 2) / n, n)
      expect(Math.abs((result.ci95?.low ?? Number.NaN) - exact.low)).toBeLessThan(0.005)
      expect(Math.abs((result.ci95?.high ?? Number.NaN) - exact.high)).toBeLessThan(0.005)
      expect(result.ci95?.low).toBeLessThanOrEqual(result.winRateA ?? Number.NaN)
      expect(result.ci95?.high).toBeGreaterThanOrEqual(result.winRateA ?? Number.NaN)
    }
  })

  it('is symmetric: swapping the sides mirrors the rate and the interval', () => {
    const forward = winRate(7, 3, 5)
    const backward = winRate(3, 7, 5)
    expect(backward.winRateA).toBeCloseTo(1 - (forward.winRateA ?? Number.NaN), 12)
    expect(backward.ci95?.low).toBeCloseTo(1 - (forward.ci95?.high ?? Number.NaN), 12)
    expect(backward.ci95?.high).toBeCloseTo(1 - (forward.ci95?.low ?? Number.NaN), 12)
  })

  it('is all ties → 0.5, no judgments → nulls, and rejects non-counts', () => {
    expect(winRate(0, 0, 6).winRateA).toBe(0.5)
    expect(winRate(0, 0, 0)).toEqual({ winRateA: null, ci95: null, judgments: 0 })
    expect(() => winRate(-1, 0, 0)).toThrow(RangeError)
    expect(() => winRate(1.5, 0, 0)).toThrow(RangeError)
  })
})
