import { describe, expect, it } from 'vitest'
import { krippendorffAlpha, percentAgreement } from '../../../../../electron/main/core/review/agreement'

const _ = null

/**
 * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", §C–F: four observers, twelve
 * units, missing values. Rows are observers A–D; the reported α is 0.743 nominal, 0.815 ordinal,
 * 0.849 interval. Unit 12 has a single value and must be ignored.
 */
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]

/**
 * Wikipedia, "Krippendorff's alpha", A computational example: three coders, fifteen units; the
 * article reports α = 0.691 nominal and 0.811 interval.
 */
const coders = [
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]

/** Reliability data come as coders × units; the functions take units × coders. */
function unitsOf(table: readonly (readonly (number | null)[])[]): (number | null)[][] {
  const unitCount = table[0]?.length ?? 0
  return Array.from({ length: unitCount }, (_unused, unit) => table.map((row) => row[unit] ?? null))
}

describe('krippendorffAlpha', () => {
  const paperUnits = unitsOf(observers)

  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
  ] as const)('reproduces Krippendorff (2011): %s α = %f', (level, expected) => {
    const result = krippendorffAlpha(paperUnits, level)
    expect(result.alpha).toBeCloseTo(expected, 3)
    expect(result.pairableValues).toBe(40)
    expect(result.units).toBe(11)
  })

  it('reproduces the paper’s nominal disagreements: D_o = 8/40, D_e = 1 − Σn_c(n_c−1)/(n(n−1))', () => {
    // Coincidence marginals n_1..n_5 = 9, 13, 10, 5, 3 with n = 40 (Krippendorff 2011, §C); the
    // off-diagonal coincidences sum to 8 (units 2, 6 and 8 contribute 2, 4 and 2).
    const marginals = [9, 13, 10, 5, 3]
    const expectedAgreement = marginals.reduce((sum, n) => sum + n * (n - 1), 0) / (40 * 39)
    const result = krippendorffAlpha(paperUnits, 'nominal')
    expect(result.observedDisagreement).toBeCloseTo(8 / 40, 12)
    expect(result.expectedDisagreement).toBeCloseTo(1 - expectedAgreement, 12)
  })

  it.each([
    ['nominal', 0.691],
    ['interval', 0.811],
  ] as const)('reproduces Wikipedia’s computational example: %s α = %f', (level, expected) => {
    expect(krippendorffAlpha(unitsOf(coders), level).alpha).toBeCloseTo(expected, 3)
  })

  it('gives null when no unit has two values and 1 when all pairable values are the same', () => {
    expect(krippendorffAlpha([[1, null], [null, null], []], 'nominal')).toEqual({
      alpha: null,
      observedDisagreement: null,
      expectedDisagreement: null,
      pairableValues: 0,
      units: 0,
    })
    expect(krippendorffAlpha([[2, 2], [2, 2, 2], [5]], 'interval').alpha).toBe(1)
  })

  it('approaches −1 when every unit disagrees: α = −(N − 1)/N for N units of (1, 2)', () => {
    // D_o = 1 and D_e = 2N²/(2N(2N − 1)) = N/(2N − 1), so α = 1 − (2N − 1)/N.
    const units = [
      [1, 2],
      [1, 2],
      [2, 1],
      [2, 1],
    ]
    expect(krippendorffAlpha(units, 'nominal').alpha).toBeCloseTo(-3 / 4, 12)
  })

  it('rejects non-finite values', () => {
    expect(() => krippendorffAlpha([[1, Number.POSITIVE_INFINITY]], 'interval')).toThrow(RangeError)
  })
})

describe('percentAgreement', () => {
  it('counts unanimous units among those with two or more values', () => {
    // Krippendorff (2011) data: units 1, 3, 4, 5, 7, 9, 10, 11 are unanimous; 2, 6, 8 are not; 12 has
    // one value.
    expect(percentAgreement(unitsOf(observers))).toBeCloseTo(8 / 11, 12)
  })

  it('is null when no unit can be compared', () => {
    expect(percentAgreement([[1], [null, 2], []])).toBeNull()
  })
})
