import type { EChartsOption, LineSeriesOption, ScatterSeriesOption } from 'echarts'
import type { CompareSeries } from '../../../../../shared/domain/compare'
import type { CsvRows } from './csv'
import { escapeHtml, formatScore, formatUsd, metricOf, legendOf } from './format'

export interface CostQualityPoint {
  label: string
  cost: number
  quality: number
}

/** True when `a` is at least as cheap and as good as `b`, and strictly better in one of the two. */
function dominates(a: CostQualityPoint, b: CostQualityPoint): boolean {
  return a.cost <= b.cost && a.quality >= b.quality && (a.cost < b.cost || a.quality > b.quality)
}

/**
 * The non-dominated points (lower cost, higher quality), cheapest first: the choices worth shipping.
 * Identical points do not dominate each other, so ties stay on the front together.
 */
export function paretoFront(points: readonly CostQualityPoint[]): CostQualityPoint[] {
  return points
    .filter((p) => !points.some((q) => dominates(q, p)))
    .sort((a, b) => a.cost - b.cost || b.quality - a.quality)
}

/** Series that have both a cost per interaction and a value for the metric. */
export function costQualityPoints(series: readonly CompareSeries[], metric: string): CostQualityPoint[] {
  return series.flatMap((s) => {
    const quality = metricOf(s.metrics, metric)?.value ?? null
    return s.costPerInteractionUsd === null || quality === null
      ? []
      : [{ label: s.label, cost: s.costPerInteractionUsd, quality }]
  })
}

function pointTooltip(label: string, cost: number, quality: number, metric: string): string {
  return `${escapeHtml(label)}<br/>cost/interaction: ${formatUsd(cost)}<br/>${escapeHtml(metric)}: ${formatScore(quality)}`
}

/** Cost per interaction against quality for one metric, a point per series, and the Pareto front as a line. */
export function paretoOption(series: readonly CompareSeries[], metric: string): EChartsOption {
  const points = costQualityPoints(series, metric)
  const scatter: ScatterSeriesOption[] = points.map((p) => ({
    type: 'scatter',
    name: p.label,
    symbolSize: 14,
    data: [[p.cost, p.quality]],
    tooltip: { formatter: () => pointTooltip(p.label, p.cost, p.quality, metric) },
  }))
  const front: LineSeriesOption = {
    type: 'line',
    name: 'Pareto front',
    symbol: 'none',
    lineStyle: { type: 'dashed', width: 2 },
    data: paretoFront(points).map((p) => [p.cost, p.quality]),
    tooltip: { show: false },
  }
  return {
    legend: legendOf(series),
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 64, right: 32, bottom: 56, top: 48, containLabel: true },
    xAxis: { type: 'value', name: 'USD / interaction', scale: true },
    yAxis: { type: 'value', name: metric, scale: true },
    series: [...scatter, front],
  }
}

export function paretoRows(series: readonly CompareSeries[], metric: string): CsvRows {
  const points = costQualityPoints(series, metric)
  const front = new Set(paretoFront(points))
  return [
    ['series', 'cost_per_interaction_usd', metric, 'on_pareto_front'],
    ...points.map((p) => [p.label, p.cost, p.quality, front.has(p) ? 'yes' : 'no']),
  ]
}
