import { describe, expect, it } from 'vitest'
import { createRandom, pairedBootstrap } from '../../../../../electron/main/core/scoring/stats'

describe('createRandom', () => {
  it('gives the same stream for the same seed and numbers in [0, 1)', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const first = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first)
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(createRandom(43)()).not.toBe(first[0])
  })

  it('is roughly uniform (mean 0.5, variance 1/12 over 100 000 draws)', () => {
    const random = createRandom(7)
    const draws = Array.from({ length: 100_000 }, () => random())
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length
    expect(mean).toBeCloseTo(0.5, 2)
    expect(variance).toBeCloseTo(1 / 12, 3)
  })
})

describe('pairedBootstrap', () => {
  it('reproduces Efron & Tibshirani’s mouse data: bootstrap SE of the mean → 23.36 as B → ∞', () => {
    // An Introduction to the Bootstrap (1993), Table 2.1: treatment group 94, 197, 16, 38, 99, 141,
    // 23; mean 86.86; the ideal bootstrap standard error (B = ∞) is 23.36.
    const treatment = [94, 197, 16, 38, 99, 141, 23]
    const result = pairedBootstrap(treatment, { iterations: 40_000, seed: 3 })
    expect(result.mean).toBeCloseTo(86.857, 3)
    // Monte Carlo error of se_B at B = 40 000 is about 23.36/√80 000 ≈ 0.08.
    expect(Math.abs(result.standardError - 23.36)).toBeLessThan(0.4)
    expect(result.low).toBeLessThan(result.mean)
    expect(result.high).toBeGreaterThan(result.mean)
  })

  it('matches the exact bootstrap distribution of a two-point sample', () => {
    // Resample means of [0, 1]: 0, ½, 1 with probabilities ¼, ½, ¼, so the 2.5 % and 97.5 %
    // percentiles are 0 and 1, and the 50 % interval is [0.5, 0.5] … within Monte Carlo error.
    const wide = pairedBootstrap([0, 1], { iterations: 4000 })
    expect(wide).toMatchObject({ mean: 0.5, low: 0, high: 1 })
    const central = pairedBootstrap([0, 1], { iterations: 4000, confidence: 0.4 })
    expect(central).toMatchObject({ low: 0.5, high: 0.5 })
  })

  it('approaches the normal interval mean ± 1.96·σ/√n for a large sample', () => {
    const random = createRandom(11)
    const deltas: number[] = Array.from({ length: 400 }, () =>
      random() < 0.1 ? -1 : random() < 0.05 ? 1 : 0,
    )
    const n = deltas.length
    const mean = deltas.reduce((s, x) => s + x, 0) / n
    const sigma = Math.sqrt(deltas.reduce((s, x) => s + (x - mean) ** 2, 0) / n)
    const result = pairedBootstrap(deltas, { iterations: 20_000, seed: 5 })
    expect(result.low).toBeCloseTo(mean - (1.959964 * sigma) / Math.sqrt(n), 2)
    expect(result.high).toBeCloseTo(mean + (1.959964 * sigma) / Math.sqrt(n), 2)
  })

  it('gives exactly { 0, 0, 0 } for identical runs and a point for constant deltas', () => {
    expect(pairedBootstrap(Array.from({ length: 145 }, () => 0))).toEqual({
      mean: 0,
      low: 0,
      high: 0,
      standardError: 0,
    })
    expect(pairedBootstrap([0.25, 0.25, 0.25])).toMatchObject({ mean: 0.25, low: 0.25, high: 0.25 })
  })

  it('is reproducible for a seed and defaults to seed 1', () => {
    const deltas = [0, 0, -1, 0, 1, -1, 0, 0, 0, -1, 0, 0]
    expect(pairedBootstrap(deltas, { seed: 9 })).toEqual(pairedBootstrap(deltas, { seed: 9 }))
    expect(pairedBootstrap(deltas)).toEqual(pairedBootstrap(deltas, { seed: 1 }))
  })

  it('refuses an empty sample and bad options', () => {
    expect(() => pairedBootstrap([])).toThrow(RangeError)
    expect(() => pairedBootstrap([1], { iterations: 0 })).toThrow(RangeError)
    expect(() => pairedBootstrap([1], { confidence: 1 })).toThrow(RangeError)
    expect(() => pairedBootstrap([Number.NaN])).toThrow(RangeError)
  })
})
