import { describe, expect, it } from 'vitest'
import { normalCdf, normalQuantile, tCdf, tQuantile } from '../../../../../electron/main/core/scoring/stats'
import { expectRelativelyClose } from './expect-close'

describe('normal distribution', () => {
  it('matches standard table values of the quantile (15+ digits, as scipy.stats.norm.ppf)', () => {
    expectRelativelyClose(normalQuantile(0.975), 1.959963984540054, 1e-15)
    expectRelativelyClose(normalQuantile(0.8), 0.8416212335729143, 1e-15)
    expectRelativelyClose(normalQuantile(0.995), 2.5758293035489004, 1e-15)
    expectRelativelyClose(normalQuantile(0.999), 3.090232306167813, 1e-15)
    expectRelativelyClose(normalQuantile(1e-10), -6.361340902404056, 1e-15)
    expect(normalQuantile(0.5)).toBe(0)
  })

  it('matches table values of the cdf, with relative precision deep in the tail', () => {
    expectRelativelyClose(normalCdf(-1.96), 0.024997895148220435, 1e-14)
    expectRelativelyClose(normalCdf(1), 0.8413447460685429, 1e-15)
    expectRelativelyClose(normalCdf(-5), 2.866515718791933e-7, 1e-13)
    expectRelativelyClose(normalCdf(-10), 7.61985302416047e-24, 1e-13)
    expect(normalCdf(0)).toBe(0.5)
    expect(normalCdf(-40)).toBe(0)
    expect(normalCdf(40)).toBe(1)
  })

  it('inverts: Φ(Φ⁻¹(p)) = p', () => {
    for (const p of [1e-12, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999]) {
      expectRelativelyClose(normalCdf(normalQuantile(p)), p, 1e-13)
    }
  })

  it('refuses p outside (0, 1)', () => {
    expect(() => normalQuantile(0)).toThrow(RangeError)
    expect(() => normalQuantile(1)).toThrow(RangeError)
  })
})

describe('Student t quantile', () => {
  // t(0.975, df), the two-sided 95 % critical values of every t table (here to scipy's 15 digits).
  const table: [number, number][] = [
    [1, 12.706204736174694],
    [2, 4.302652729749462],
    [5, 2.5705818356363146],
    [10, 2.228138851986274],
    [30, 2.0422724563012378],
    [100, 1.9839715185235518],
  ]

  it.each(table)('t(0.975, %i) = %f', (df, expected) => {
    expectRelativelyClose(tQuantile(0.975, df), expected, 1e-13)
    expectRelativelyClose(tQuantile(0.025, df), -expected, 1e-13)
  })

  it('matches other tabled points (t(0.995, 9) = 3.2498, t(0.95, 20) = 1.7247)', () => {
    expect(tQuantile(0.995, 9)).toBeCloseTo(3.249835541592126, 12)
    expect(tQuantile(0.95, 20)).toBeCloseTo(1.7247182429207866, 12)
  })

  it('tends to the normal quantile for large df', () => {
    // scipy.stats.t.ppf(0.975, df): still 2.4e-9 above z at a billion degrees of freedom.
    expectRelativelyClose(tQuantile(0.975, 1e6), 1.959966356814107, 1e-13)
    expectRelativelyClose(tQuantile(0.975, 5e6), 1.9599644589944127, 1e-13)
    expectRelativelyClose(tQuantile(0.975, 1e9), 1.959963986912325, 1e-13)
    expect(tQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975))
  })

  it('inverts its cdf for fractional and extreme arguments', () => {
    for (const df of [0.7, 1, 2, 3.5, 12, 250]) {
      for (const p of [1e-9, 0.01, 0.2, 0.5, 0.8, 0.99]) {
        expectRelativelyClose(tCdf(tQuantile(p, df), df), p, 1e-10)
      }
    }
  })

  it('refuses df ≤ 0', () => {
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError)
  })
})
