import { describe, expect, it } from 'vitest'
import { projectMonthlyCost } from '../../../../renderer/src/features/compare/projection'
import { series } from './fixtures'

describe('projectMonthlyCost', () => {
  const s = series('v5')

  it('multiplies DAU, interactions, 30 days and the segment cost, falling back to the overall cost', () => {
    const p = projectMonthlyCost(
      {
        dau: { 'tier:enterprise': 1000, 'tier:free': 10_000, 'tier:unknown': 100 },
        interactionsPerUserPerDay: 2,
        conversionRatePct: 10,
        conversionValueUsd: 5,
      },
      s,
    )
    expect(p.segments.map((x) => x.costPerInteractionUsd)).toEqual([0.002, 0.001, 0.001])
    expect(p.segments[0]?.monthlyCostUsd).toBeCloseTo(1000 * 2 * 30 * 0.002)
    expect(p.segments[1]?.monthlyCostUsd).toBeCloseTo(10_000 * 2 * 30 * 0.001)
    expect(p.monthlyCostUsd).toBeCloseTo(120 + 600 + 6)
    const interactions = 11_100 * 2 * 30
    expect(p.conversionsPerMonth).toBeCloseTo(interactions * 0.1)
    expect(p.revenueUsd).toBeCloseTo(interactions * 0.1 * 5)
    expect(p.costPerConversionUsd).toBeCloseTo(726 / (interactions * 0.1))
  })

  it('treats negative or invalid inputs as zero and has no cost per conversion without conversions', () => {
    const p = projectMonthlyCost(
      {
        dau: { 'tier:free': -5 },
        interactionsPerUserPerDay: Number.NaN,
        conversionRatePct: 0,
        conversionValueUsd: 9,
      },
      s,
    )
    expect(p.monthlyCostUsd).toBe(0)
    expect(p.costPerConversionUsd).toBeNull()
  })

  it('is unknown, never $0, when a series has no price at all', () => {
    const unpriced = series('x', { costPerInteractionUsd: null, costByTag: [] })
    const p = projectMonthlyCost(
      { dau: { 'tier:free': 10 }, interactionsPerUserPerDay: 1, conversionRatePct: 1, conversionValueUsd: 1 },
      unpriced,
    )
    expect(p.segments[0]).toMatchObject({ costPerInteractionUsd: null, monthlyCostUsd: null })
    expect(p.monthlyCostUsd).toBeNull()
    expect(p.costPerConversionUsd).toBeNull()
  })

  it('costs nothing for a free (local) series: a known price of 0', () => {
    const free = series('x', { costPerInteractionUsd: 0, costByTag: [] })
    const p = projectMonthlyCost(
      { dau: { 'tier:free': 10 }, interactionsPerUserPerDay: 1, conversionRatePct: 1, conversionValueUsd: 1 },
      free,
    )
    expect(p.monthlyCostUsd).toBe(0)
  })
})
