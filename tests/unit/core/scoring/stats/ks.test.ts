import { describe, expect, it } from 'vitest'
import { kolmogorovSurvival, ksTwoSample } from '../../../../../electron/main/core/scoring/stats'
import { expectRelativelyClose } from './expect-close'

// Reference values from scipy 1.17: scipy.stats.ks_2samp(a, b) (default method: exact at these sizes)
// and scipy.stats.kstwobign.sf(z).
describe('ksTwoSample', () => {
  it('matches scipy on two normal-looking samples of 25 and 20', () => {
    const a = [
      0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77,
      1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47,
    ]
    const b = [
      2.2, 1.66, 1.38, 0.2, 0.36, 0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37, -0.38,
      -0.71, -1.84, -0.67,
    ]
    const result = ksTwoSample(a, b)
    expect(result.statistic).toBeCloseTo(0.23, 12)
    expectRelativelyClose(result.pValue, 0.5286364448145011, 1e-9)
  })

  it('handles ties inside and across the samples like scipy', () => {
    const result = ksTwoSample([1, 2, 2, 3, 3, 3, 4, 5, 9], [2, 3, 3, 6, 7, 8, 8, 10, 11, 12, 12])
    expect(result.statistic).toBeCloseTo(0.6161616161616161, 12)
    expectRelativelyClose(result.pValue, 0.027851869492736363, 1e-9)
  })

  it('gives p = 1 for interleaved equal-size samples and a small p for shifted ones', () => {
    const even = Array.from({ length: 10 }, (_, i) => i)
    expect(
      ksTwoSample(
        even,
        even.map((x) => x + 0.5),
      ),
    ).toEqual({ statistic: 0.1, pValue: 1 })
    const a = Array.from({ length: 40 }, (_, i) => i)
    const b = Array.from({ length: 30 }, (_, i) => i + 15.5)
    const shifted = ksTwoSample(a, b)
    expect(shifted.statistic).toBeCloseTo(0.4, 12)
    expectRelativelyClose(shifted.pValue, 0.006049644184712265, 1e-9)
  })

  it('is symmetric in its samples and refuses an empty one', () => {
    const a = [1, 5, 7, 8, 20]
    const b = [2, 3, 4, 30, 31, 32]
    expect(ksTwoSample(a, b)).toEqual(ksTwoSample(b, a))
    expect(() => ksTwoSample([], b)).toThrow(RangeError)
  })

  it('uses the limiting distribution for very large samples', () => {
    const a = Array.from({ length: 3000 }, (_, i) => i)
    const b = Array.from({ length: 2000 }, (_, i) => i * 1.5 + 40)
    const result = ksTwoSample(a, b)
    const z = Math.sqrt((3000 * 2000) / 5000) * result.statistic
    expect(result.pValue).toBe(kolmogorovSurvival(z))
  })
})

describe('kolmogorovSurvival', () => {
  it.each([
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [0.8, 0.5441424115741981],
    [1.0, 0.26999967167735456],
    [1.36, 0.049485876755377876],
    [2.0, 0.0006709252557796953],
    [3.0, 3.045995948942526e-8],
  ])('P(K > %f) = %f', (z, expected) => {
    expectRelativelyClose(kolmogorovSurvival(z), expected, 1e-10)
  })
})
