import type { EChartsOption } from 'echarts'
import { z } from 'zod'
import type { CompareSeries } from '../../../../../shared/domain/compare'
import type { CsvRows } from './csv'
import {
  allCasesSegment,
  escapeHtml,
  formatUsd,
  segmentTags,
  segmentValue,
  shortLabel,
  shortLabels,
} from './format'

/** A bar with no value is a price nobody knows: the tooltip says so rather than showing a gap or $0. */
const usdOrUnknown = (value: unknown): string => (typeof value === 'number' ? formatUsd(value) : 'unknown')

/** Without any priced call the total is unknown, not the $0 the sum of no costs would give. */
const totalCost = (s: CompareSeries): number | null =>
  s.costPerInteractionUsd === null ? null : s.totalCostUsd

/** Cost per interaction (left axis) and the total cost of the slice (right axis), one pair per series. */
export function costOption(series: readonly CompareSeries[]): EChartsOption {
  const labels = shortLabels(series)
  return {
    legend: { data: ['Cost per interaction', 'Total cost'] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => costTooltip(series, params),
    },
    grid: { left: 64, right: 64, bottom: 72, top: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      // Short, distinct labels, rotated when there are several, so neighbours never overlap.
      axisLabel: { interval: 0, rotate: labels.length > 2 ? 30 : 0 },
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

const axisParamsSchema = z.array(
  z.object({ dataIndex: z.number().int(), seriesName: z.string(), value: z.unknown() }),
)

/** The axis tooltip names the series in full (the axis shows its short label) and each cost or "unknown". */
function costTooltip(series: readonly CompareSeries[], params: unknown): string {
  const parsed = axisParamsSchema.safeParse(params)
  if (!parsed.success || parsed.data.length === 0) return ''
  const full = series[parsed.data[0]?.dataIndex ?? -1]?.label ?? ''
  const lines = parsed.data.map((p) => `${escapeHtml(p.seriesName)}: ${usdOrUnknown(p.value)}`)
  return [escapeHtml(full), ...lines].join('<br/>')
}

export function costRows(series: readonly CompareSeries[]): CsvRows {
  return [
    ['series', 'results', 'cost_per_interaction_usd', 'total_cost_usd'],
    ...series.map((s) => [s.label, s.results, s.costPerInteractionUsd, totalCost(s)]),
  ]
}

/** The "all cases" segment's cost figures: the series' own. */
const wholeSeriesCost = (s: CompareSeries) => ({
  n: s.results,
  costPerInteractionUsd: s.costPerInteractionUsd,
  totalCostUsd: s.totalCostUsd,
})

function segmentCost(s: CompareSeries, tag: string): number | null {
  if (tag === allCasesSegment) return s.costPerInteractionUsd
  return s.costByTag.find((t) => t.tag === tag)?.costPerInteractionUsd ?? null
}

/** Cost per interaction per segment (tags with `tagPrefix`), a bar per series. */
export function costBySegmentOption(series: readonly CompareSeries[], tagPrefix: string): EChartsOption {
  const tags = segmentTags(series, tagPrefix)
  const names = shortLabels(series)
  return {
    legend: { type: 'scroll', data: names },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: usdOrUnknown,
    },
    grid: { left: 64, right: 24, bottom: 72, top: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: tags,
      axisLabel: {
        interval: 0,
        rotate: tags.length > 4 ? 30 : 0,
        formatter: (tag: string) => shortLabel(segmentValue(tag), 24),
      },
    },
    yAxis: { type: 'value', name: 'USD / interaction' },
    series: series.map((s, i) => ({
      type: 'bar',
      name: names[i] ?? s.label,
      data: tags.map((tag) => segmentCost(s, tag)),
    })),
  }
}

export function costBySegmentRows(series: readonly CompareSeries[], tagPrefix: string): CsvRows {
  const tags = segmentTags(series, tagPrefix)
  return [
    ['series', 'segment', 'n', 'cost_per_interaction_usd', 'total_cost_usd'],
    ...series.flatMap((s) =>
      tags.map((tag) => {
        const c = tag === allCasesSegment ? wholeSeriesCost(s) : s.costByTag.find((t) => t.tag === tag)
        const known = c?.costPerInteractionUsd ?? null
        return [s.label, tag, c?.n ?? 0, known, known === null ? null : (c?.totalCostUsd ?? null)]
      }),
    ),
  ]
}
