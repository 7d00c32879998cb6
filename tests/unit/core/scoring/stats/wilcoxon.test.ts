import { describe, expect, it } from 'vitest'
import { wilcoxonSignedRank } from '../../../../../electron/main/core/scoring/stats'

describe('wilcoxonSignedRank', () => {
  it('reproduces the scipy.stats.wilcoxon docs example (Fisher’s Zea mays data): W = 24, p = 0.0413', () => {
    // Height differences of cross- and self-fertilized corn pairs (Darwin's data, Fisher 1935).
    const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]
    const result = wilcoxonSignedRank(d)
    expect(result).toMatchObject({ n: 15, zeros: 0, wMinus: 24, wPlus: 96, statistic: 24, method: 'exact' })
    expect(result.pValue).toBeCloseTo(0.041259765625, 12)
  })

  it('reproduces R’s wilcox.test example (Hollander & Wolfe, depression scale): V = 40, p = 2·0.01953', () => {
    // R documents the one-sided p = 0.01953 for x > y; the exact two-sided p is twice that, 20/512.
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    const result = wilcoxonSignedRank(x.map((xi, i) => xi - (y[i] ?? 0)))
    expect(result).toMatchObject({ n: 9, wPlus: 40, wMinus: 5, statistic: 5, method: 'exact' })
    expect(result.pValue).toBeCloseTo(0.0390625, 12)
  })

  it('uses the normal approximation with tie correction (Wikipedia’s example: W = 9 as W+ − W−)', () => {
    // Ten pairs from the Wikipedia article; one zero difference is dropped, |5| is tied twice.
    // Reference p from scipy.stats.wilcoxon(method='approx', correction=True).
    const d = [15, -7, 5, 20, 0, -9, 17, -12, 5, -10]
    const result = wilcoxonSignedRank(d)
    expect(result).toMatchObject({ n: 9, zeros: 1, wPlus: 27, wMinus: 18, statistic: 18, method: 'normal' })
    expect(result.wPlus - result.wMinus).toBe(9)
    expect(result.pValue).toBeCloseTo(0.6352893188352069, 12)
  })

  it('handles ordinal score differences with many ties and zeros (scipy approx p = 0.1049)', () => {
    const d = [0.25, 0.25, -0.25, 0.5, 0, 0.25, 0.75, -0.5, 0.25, 0.25, 0, 0.5]
    const result = wilcoxonSignedRank(d)
    expect(result).toMatchObject({ n: 10, zeros: 2, statistic: 11.5, method: 'normal' })
    expect(result.pValue).toBeCloseTo(0.10490960975262388, 12)
  })

  it('switches to the normal approximation above 50 pairs (scipy approx p = 0.03623)', () => {
    const d = Array.from({ length: 60 }, (_, i) => ((i + 1) % 3 === 0 ? -(i + 1) : i + 1))
    const result = wilcoxonSignedRank(d)
    expect(result).toMatchObject({ n: 60, statistic: 630, method: 'normal' })
    expect(result.pValue).toBeCloseTo(0.03622649417878663, 12)
  })

  it('can be forced to the normal approximation (scipy approx on the Zea mays data: 0.04377)', () => {
    const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]
    const result = wilcoxonSignedRank(d, { method: 'normal' })
    expect(result.method).toBe('normal')
    expect(result.pValue).toBeCloseTo(0.043772323763041174, 12)
  })

  it('treats float noise as zero and as ties', () => {
    const noisyZero = 0.1 + 0.2 - 0.3
    const result = wilcoxonSignedRank([noisyZero, 2 / 3 - 1 / 3, 1 / 3, -0.5])
    expect(result).toMatchObject({ n: 3, zeros: 1, method: 'normal' })
  })

  it('gives p = 1 when nothing differs (identical runs)', () => {
    expect(wilcoxonSignedRank([0, 0, 0])).toEqual({
      n: 0,
      zeros: 3,
      wPlus: 0,
      wMinus: 0,
      statistic: 0,
      pValue: 1,
      method: 'exact',
    })
    expect(wilcoxonSignedRank([]).pValue).toBe(1)
  })

  it('refuses non-finite differences', () => {
    expect(() => wilcoxonSignedRank([1, Number.NaN])).toThrow(RangeError)
  })
})
