import type { CompareSeries } from '../../../../shared/domain/compare'

export const daysPerMonth = 30

export interface ProjectionInputs {
  /** Daily active users per segment tag ("tier:enterprise"). */
  dau: Readonly<Record<string, number>>
  interactionsPerUserPerDay: number
  /** Percent of interactions that convert (0..100). */
  conversionRatePct: number
  conversionValueUsd: number
}

export interface SegmentProjection {
  tag: string
  interactionsPerMonth: number
  /**
   * The segment's measured cost per interaction, or the series' overall one when the segment has none;
   * null when the price is unknown (never 0 for want of a price).
   */
  costPerInteractionUsd: number | null
  monthlyCostUsd: number | null
}

export interface Projection {
  segments: SegmentProjection[]
  /** Null when any segment's cost is unknown. */
  monthlyCostUsd: number | null
  conversionsPerMonth: number
  revenueUsd: number
  /** Null when nothing converts or the cost is unknown. */
  costPerConversionUsd: number | null
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0
}

function segmentCostPerInteraction(series: CompareSeries, tag: string): number | null {
  const measured = series.costByTag.find((t) => t.tag === tag)?.costPerInteractionUsd ?? null
  return measured ?? series.costPerInteractionUsd
}

/**
 * Monthly cost of one feature (series) per segment: DAU × interactions per user per day × 30 × cost per
 * interaction; revenue from the share of interactions that convert. Bad inputs (negative, NaN) count as 0.
 */
export function projectMonthlyCost(inputs: ProjectionInputs, series: CompareSeries): Projection {
  const perUser = nonNegative(inputs.interactionsPerUserPerDay)
  const segments = Object.entries(inputs.dau).map(([tag, dau]) => {
    const interactionsPerMonth = nonNegative(dau) * perUser * daysPerMonth
    const costPerInteractionUsd = segmentCostPerInteraction(series, tag)
    return {
      tag,
      interactionsPerMonth,
      costPerInteractionUsd,
      monthlyCostUsd: costPerInteractionUsd === null ? null : interactionsPerMonth * costPerInteractionUsd,
    }
  })
  const monthlyCostUsd = segments.some((s) => s.monthlyCostUsd === null)
    ? null
    : segments.reduce((sum, s) => sum + (s.monthlyCostUsd ?? 0), 0)
  const interactions = segments.reduce((sum, s) => sum + s.interactionsPerMonth, 0)
  const conversionsPerMonth = (interactions * Math.min(100, nonNegative(inputs.conversionRatePct))) / 100
  const revenueUsd = conversionsPerMonth * nonNegative(inputs.conversionValueUsd)
  return {
    segments,
    monthlyCostUsd,
    conversionsPerMonth,
    revenueUsd,
    costPerConversionUsd:
      conversionsPerMonth > 0 && monthlyCostUsd !== null ? monthlyCostUsd / conversionsPerMonth : null,
  }
}
