import { describe, expect, it } from 'vitest'
import { mcnemarExact, signTest } from '../../../../../electron/main/core/scoring/stats'
import { expectRelativelyClose } from './expect-close'

describe('mcnemarExact', () => {
  it('reproduces Agresti’s presidential approval example (794/150/86/570): chi-square 17.36', () => {
    // Agresti, Categorical Data Analysis (2002) §10.1; R's mcnemar.test example: 17.356 uncorrected,
    // 16.818 with continuity correction. b = approve → disapprove = 150, c = disapprove → approve = 86.
    const result = mcnemarExact(150, 86)
    expect(result.chiSquare).toBeCloseTo(17.3559, 4)
    expect(result.chiSquareCorrected).toBeCloseTo(16.8178, 4)
    // Exact binomial p (scipy.stats.binomtest(86, 236)); the chi-square approximation gives 3.1e-5.
    expectRelativelyClose(result.pValue, 3.7159361395713866e-5, 1e-10)
    expect(result).toMatchObject({ b: 150, c: 86 })
  })

  it('gives the exact small-sample p: b = 1, c = 9 → 2·11/1024 = 0.02148', () => {
    expect(mcnemarExact(1, 9).pValue).toBeCloseTo(0.021484375, 12)
  })

  it('reproduces Wikipedia’s McNemar example (b = 121, c = 59): chi-square 21.36', () => {
    const result = mcnemarExact(121, 59)
    expect(result.chiSquare).toBeCloseTo(21.3556, 4)
    expectRelativelyClose(result.pValue, 4.4344492637551645e-6, 1e-10)
  })

  it('stays accurate for thousands of discordant pairs (log-space sums)', () => {
    expectRelativelyClose(mcnemarExact(4200, 4000).pValue, 0.027972423571324654, 1e-9)
    expectRelativelyClose(mcnemarExact(51_000, 49_000).pValue, 2.5887160383468943e-10, 1e-8)
    const extreme = mcnemarExact(0, 5000).pValue
    expect(extreme).toBeGreaterThanOrEqual(0)
    expect(extreme).toBeLessThan(1e-300)
  })

  it('says nothing without discordant pairs and p = 1 for a balanced split', () => {
    expect(mcnemarExact(0, 0)).toEqual({ b: 0, c: 0, pValue: 1, chiSquare: 0, chiSquareCorrected: 0 })
    expect(mcnemarExact(7, 7).pValue).toBe(1)
    expect(mcnemarExact(7, 7).chiSquareCorrected).toBe(0)
  })

  it('refuses counts that are not non-negative integers', () => {
    expect(() => mcnemarExact(-1, 3)).toThrow(RangeError)
    expect(() => mcnemarExact(1.5, 3)).toThrow(RangeError)
    expect(() => mcnemarExact(Number.NaN, 3)).toThrow(RangeError)
  })
})

describe('signTest', () => {
  it('is the exact two-sided binomial test at ½ (scipy.stats.binomtest)', () => {
    expect(signTest(10, 2).pValue).toBeCloseTo(0.03857421875, 12)
    expect(signTest(5, 0).pValue).toBeCloseTo(0.0625, 12)
    expect(signTest(2, 9).pValue).toBeCloseTo(0.0654296875, 12)
    expect(signTest(10, 2)).toMatchObject({ n: 12, positives: 10, negatives: 2 })
  })

  it('gives p = 1 with nothing to count', () => {
    expect(signTest(0, 0).pValue).toBe(1)
  })
})
