import { describe, expect, it } from 'vitest'
import { mdePairedMeans, mdePairedProportions } from '../../../../../electron/main/core/scoring/stats'

// z(0.975) + z(0.8) = 1.959964 + 0.841621
const Z_SUM = 2.8015852181129683

describe('minimum detectable effect', () => {
  it('paired proportions: (z₁₋α/₂ + z_power)·√(ψ/n), Connor (1987)', () => {
    expect(mdePairedProportions(145, 0.2)).toBeCloseTo(Z_SUM * Math.sqrt(0.2 / 145), 12)
    expect(mdePairedProportions(145, 0.2)).toBeCloseTo(0.104, 3)
    // Inverse check against Connor's sample size: n ≈ (zα + zβ)²·ψ/δ² = 7.849·0.2/0.01 ≈ 157.
    expect(mdePairedProportions(157, 0.2)).toBeCloseTo(0.1, 3)
  })

  it('never assumes fewer discordant pairs than the rule of three allows (3/n)', () => {
    expect(mdePairedProportions(145, 0)).toBeCloseTo(Z_SUM * Math.sqrt(3 / 145 / 145), 12)
    expect(mdePairedProportions(145, 0)).toBe(mdePairedProportions(145, 1 / 145))
    expect(mdePairedProportions(145, 0.5)).toBeGreaterThan(mdePairedProportions(145, 0))
  })

  it('paired means: (z₁₋α/₂ + z_power)·sd/√n', () => {
    expect(mdePairedMeans(100, 0.3)).toBeCloseTo((Z_SUM * 0.3) / 10, 12)
    expect(mdePairedMeans(100, 0)).toBe(0)
  })

  it('caps at the whole scale and says "nothing detectable" for no pairs', () => {
    expect(mdePairedProportions(2, 1)).toBe(1)
    expect(mdePairedProportions(0, Number.NaN)).toBe(1)
    expect(mdePairedMeans(0, 0.2)).toBe(1)
  })

  it('accepts other α and power, and refuses impossible inputs', () => {
    expect(mdePairedMeans(100, 0.3, { alpha: 0.01, power: 0.9 })).toBeGreaterThan(mdePairedMeans(100, 0.3))
    expect(() => mdePairedProportions(10, 1.5)).toThrow(RangeError)
    expect(() => mdePairedMeans(10, -1)).toThrow(RangeError)
    expect(() => mdePairedMeans(-1, 0.1)).toThrow(RangeError)
  })
})
