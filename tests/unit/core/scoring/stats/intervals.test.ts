import { describe, expect, it } from 'vitest'
import { meanInterval, percentile, wilsonInterval } from '../../../../../electron/main/core/scoring/stats'

describe('wilsonInterval', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med 17:857,
  // Table I, method 3 (Wilson score interval without continuity correction), to 4 decimals.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i → %f to %f (Newcombe 1998)', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n)
    expect(interval.low).toBeCloseTo(low, 4)
    expect(interval.high).toBeCloseTo(high, 4)
  })

  it('pins the bounds at exactly 0 and 1 at the extremes and stays inside [0, 1]', () => {
    expect(wilsonInterval(0, 145).low).toBe(0)
    expect(wilsonInterval(145, 145).high).toBe(1)
    expect(wilsonInterval(145, 145).low).toBeLessThan(1)
  })

  it('narrows with a lower confidence level', () => {
    const at95 = wilsonInterval(40, 100)
    const at80 = wilsonInterval(40, 100, 0.8)
    expect(at80.low).toBeGreaterThan(at95.low)
    expect(at80.high).toBeLessThan(at95.high)
  })

  it('returns the uninformative [0, 1] for no trials and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 })
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError)
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError)
  })
})

describe('meanInterval', () => {
  it('is mean ± t(0.975, n−1)·s/√n: mean 10, s 2, n 10 → 10 ± 2.262157·2/√10', () => {
    // A sample built to have mean 10 and s = 2 exactly; t(0.975, 9) = 2.2622 from any t table.
    const interval = meanInterval([7, 8, 8, 9, 10, 10, 11, 12, 12, 13])
    const halfWidth = (2.262157162798205 * 2) / Math.sqrt(10)
    expect(interval?.mean).toBe(10)
    expect(interval?.low).toBeCloseTo(10 - halfWidth, 12)
    expect(interval?.high).toBeCloseTo(10 + halfWidth, 12)
    expect(halfWidth).toBeCloseTo(1.4307, 4)
  })

  it('is wider at 99 % than at 95 %', () => {
    const values = [0.2, 0.4, 0.9, 0.6, 0.5]
    const at95 = meanInterval(values)
    const at99 = meanInterval(values, 0.99)
    expect(at99?.low).toBeLessThan(at95?.low ?? Number.NaN)
    expect(at99?.high).toBeGreaterThan(at95?.high ?? Number.NaN)
  })

  it('is null below two values and a point when all values agree', () => {
    expect(meanInterval([])).toBeNull()
    expect(meanInterval([0.7])).toBeNull()
    expect(meanInterval([0.5, 0.5, 0.5])).toEqual({ mean: 0.5, low: 0.5, high: 0.5 })
  })
})

describe('percentile', () => {
  it('interpolates linearly between order statistics like numpy.percentile', () => {
    const values = [3, 1, 10, 2, 4]
    expect(percentile(values, 0)).toBe(1)
    expect(percentile(values, 25)).toBe(2)
    expect(percentile(values, 50)).toBe(3)
    expect(percentile(values, 90)).toBeCloseTo(7.6, 12)
    expect(percentile(values, 95)).toBeCloseTo(8.8, 12)
    expect(percentile(values, 100)).toBe(10)
  })

  it('gives P50/P95/P99 of latencies as numpy does (320, 5210, 7442)', () => {
    const latencies = [120, 340, 95, 1800, 410, 230, 510, 8000, 260, 300]
    expect(percentile(latencies, 50)).toBeCloseTo(320, 9)
    expect(percentile(latencies, 95)).toBeCloseTo(5210, 9)
    expect(percentile(latencies, 99)).toBeCloseTo(7442, 9)
  })

  it('does not reorder its input, is null for no values and refuses p outside 0..100', () => {
    const values = [3, 1, 2]
    percentile(values, 50)
    expect(values).toEqual([3, 1, 2])
    expect(percentile([], 95)).toBeNull()
    expect(percentile([5], 95)).toBe(5)
    expect(() => percentile([1], 101)).toThrow(RangeError)
    expect(() => percentile([1], -1)).toThrow(RangeError)
  })
})
