import { describe, expect, it } from 'vitest'
import { chiSquareHomogeneity, chiSquareSurvival } from '../../../../../electron/main/core/scoring/stats'
import { expectRelativelyClose } from './expect-close'

// Reference values from scipy 1.17: scipy.stats.chi2.sf(x, df) and chi2_contingency(table, correction=False).
describe('chiSquareSurvival', () => {
  it.each([
    [3.84, 1, 0.05004352124870519],
    [10, 3, 0.01856613546304325],
    [1, 5, 0.9625657732472964],
    [50, 10, 2.669083424904495e-7],
    [0.5, 2, 0.7788007830714049],
    [7.3, 2.5, 0.04195345981851968],
    [200, 4, 3.75727673578106e-42],
  ])('P(χ² ≥ %f | df %f) = %f', (x, df, expected) => {
    expectRelativelyClose(chiSquareSurvival(x, df), expected, 1e-10)
  })

  it('is 1 at and below zero and refuses a non-positive df', () => {
    expect(chiSquareSurvival(0, 3)).toBe(1)
    expect(() => chiSquareSurvival(1, 0)).toThrow(RangeError)
  })
})

describe('chiSquareHomogeneity', () => {
  it('matches scipy on a 2×5 language table', () => {
    const result = chiSquareHomogeneity([
      [124, 6, 6, 5, 4],
      [60, 20, 10, 3, 7],
    ])
    expect(result.df).toBe(4)
    expectRelativelyClose(result.statistic, 24.6849778126671, 1e-12)
    expectRelativelyClose(result.pValue, 5.820523210470296e-5, 1e-9)
  })

  it('matches scipy on a 2×2 table without Yates correction', () => {
    const result = chiSquareHomogeneity([
      [10, 20],
      [30, 25],
    ])
    expect(result.df).toBe(1)
    expectRelativelyClose(result.statistic, 3.505892255892255, 1e-12)
    expectRelativelyClose(result.pValue, 0.06115089757606777, 1e-9)
  })

  it('drops empty categories and answers p = 1 when nothing can be compared', () => {
    const withEmpty = chiSquareHomogeneity([
      [10, 0, 20],
      [30, 0, 25],
    ])
    expect(withEmpty.df).toBe(1)
    expectRelativelyClose(withEmpty.statistic, 3.505892255892255, 1e-12)
    expect(
      chiSquareHomogeneity([
        [5, 5],
        [0, 0],
      ]),
    ).toEqual({ statistic: 0, df: 0, pValue: 1 })
    expect(chiSquareHomogeneity([[5], [7]])).toEqual({ statistic: 0, df: 0, pValue: 1 })
  })
})
