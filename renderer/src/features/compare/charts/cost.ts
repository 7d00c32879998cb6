import type { EChartsOption } from 'echarts'
import type { CompareSeries } from '../../../../../shared/domain/compare'
import type { CsvRows } from './csv'
import { formatUsd, shortLabel, tagsWithPrefix } from './format'

/** A bar with no value is a price nobody knows: the tooltip says so rather than showing a gap or $0. */
const usdOrUnknown = (value: unknown): string => (typeof value === 'number' ? formatUsd(value) : 'unknown')

/** Without any priced call the total is unknown, not the $0 the sum of no costs would give. */
const totalCost = (s: CompareSeries): number | null =>
  s.costPerInteractionUsd === null ? null : s.totalCostUsd

/** Cost per interaction (left axis) and the total cost of the slice (right axis), one pair per series. */
export function costOption(series: readonly CompareSeries[]): EChartsOption {
  const labels = series.map((s) => s.label)
  return {
    legend: { data: ['Cost per interaction', 'Total cost'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: usdOrUnknown,
    },
    grid: { left: 64, right: 64, bottom: 72, top: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.length > 3 ? 20 : 0, formatter: (v: string) => shortLabel(v) },
    },
    yAxis: [
      { type: 'value', name: 'USD / interaction' },
      { type: 'value', name: 'USD total' },
    ],
    series: [
      { type: 'bar', name: 'Cost per interaction', data: series.map((s) => s.costPerInteractionUsd) },
      { type: 'bar', name: 'Total cost', yAxisIndex: 1, data: series.map(totalCost) },
    ],
  }
}

export function costRows(series: readonly CompareSeries[]): CsvRows {
  return [
    ['series', 'results', 'cost_per_interaction_usd', 'total_cost_usd'],
    ...series.map((s) => [s.label, s.results, s.costPerInteractionUsd, totalCost(s)]),
  ]
}

function segmentCost(s: CompareSeries, tag: string): number | null {
  return s.costByTag.find((t) => t.tag === tag)?.costPerInteractionUsd ?? null
}

/** Cost per interaction per segment (tags with `tagPrefix`), a bar per series. */
export function costBySegmentOption(series: readonly CompareSeries[], tagPrefix: string): EChartsOption {
  const tags = tagsWithPrefix(series, tagPrefix)
  return {
    legend: { type: 'scroll', data: series.map((s) => s.label), formatter: (name) => shortLabel(name, 40) },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: usdOrUnknown,
    },
    grid: { left: 64, right: 24, bottom: 72, top: 48, containLabel: true },
    xAxis: { type: 'category', data: tags, axisLabel: { interval: 0, rotate: tags.length > 4 ? 20 : 0 } },
    yAxis: { type: 'value', name: 'USD / interaction' },
    series: series.map((s) => ({ type: 'bar', name: s.label, data: tags.map((tag) => segmentCost(s, tag)) })),
  }
}

export function costBySegmentRows(series: readonly CompareSeries[], tagPrefix: string): CsvRows {
  const tags = tagsWithPrefix(series, tagPrefix)
  return [
    ['series', 'segment', 'n', 'cost_per_interaction_usd', 'total_cost_usd'],
    ...series.flatMap((s) =>
      tags.map((tag) => {
        const c = s.costByTag.find((t) => t.tag === tag)
        const known = c?.costPerInteractionUsd ?? null
        return [s.label, tag, c?.n ?? 0, known, known === null ? null : (c?.totalCostUsd ?? null)]
      }),
    ),
  ]
}
