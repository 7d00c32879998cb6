import { z } from 'zod'
import type { BarSeriesOption, CustomSeriesOption, EChartsOption } from 'echarts'
import type { CompareSeries } from '../../../../../shared/domain/compare'
import type { MetricSummary } from '../../../../../shared/domain/scoring'
import type { CsvRows } from './csv'
import { errorBarSeries, groupedBarLayout, type ErrorBarDatum } from './error-bars'
import {
  allCasesSegment,
  escapeHtml,
  formatScore,
  metricOf,
  metricsOf,
  segmentTags,
  segmentValue,
  shortLabel,
  shortLabels,
} from './format'

/** A bar's data item: the value plus what the tooltip shows exactly (n and the interval). */
interface ScoreDatum {
  value: number | null
  n: number
  low: number | null
  high: number | null
}

function scoreDatum(summary: MetricSummary | null): ScoreDatum {
  return {
    value: summary?.value ?? null,
    n: summary?.n ?? 0,
    low: summary?.ci95?.low ?? null,
    high: summary?.ci95?.high ?? null,
  }
}

const tooltipParamsSchema = z.object({ dataIndex: z.number().int() })

/** ECharts hands tooltip formatters untyped params: read only the index, the data comes from our own arrays. */
function dataIndexOf(params: unknown): number {
  const parsed = tooltipParamsSchema.safeParse(Array.isArray(params) ? params[0] : params)
  return parsed.success ? parsed.data.dataIndex : -1
}

function scoreTooltip(seriesName: string, category: string, d: ScoreDatum): string {
  const ci = d.low === null || d.high === null ? '' : ` (95% CI ${formatScore(d.low)}–${formatScore(d.high)})`
  return `${escapeHtml(seriesName)}<br/>${escapeHtml(category)}: ${formatScore(d.value)}${ci}, n = ${d.n}`
}

/** Grouped bars (one per series) over the categories, each with its 95% interval as a whisker. */
function scoreBarsOption(
  series: readonly CompareSeries[],
  categories: string[],
  cell: (s: CompareSeries, categoryIndex: number) => MetricSummary | null,
  yName: string,
  axisText: (category: string) => string = (c) => shortLabel(c, 24),
): EChartsOption {
  const names = shortLabels(series)
  const bars: BarSeriesOption[] = series.map((s, index) => {
    const data = categories.map((_, i) => scoreDatum(cell(s, i)))
    return {
      type: 'bar',
      name: names[index] ?? s.label,
      ...groupedBarLayout,
      data,
      tooltip: {
        formatter: (params: unknown) => {
          const i = dataIndexOf(params)
          return scoreTooltip(s.label, categories[i] ?? '', data[i] ?? scoreDatum(null))
        },
      },
    }
  })
  const whiskers: CustomSeriesOption[] = series.map((s, index) =>
    errorBarSeries(
      `${names[index] ?? s.label} 95% CI`,
      index,
      series.length,
      categories.flatMap((_, i): ErrorBarDatum[] => {
        const ci = cell(s, i)?.ci95
        return ci ? [[i, ci.low, ci.high]] : []
      }),
    ),
  )
  return {
    legend: { type: 'scroll', data: names },
    tooltip: { trigger: 'item', confine: true },
    grid: { left: 56, right: 24, bottom: 72, top: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories,
      // Short text, rotated when many, so neighbours never overlap; the tooltip names the full category.
      axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0, formatter: axisText },
    },
    yAxis: { type: 'value', name: yName, min: 0, max: 1 },
    series: [...bars, ...whiskers],
  }
}

/** Quality per metric: a bar per series with its 95% confidence interval. */
export function qualityOption(series: readonly CompareSeries[]): EChartsOption {
  const metrics = metricsOf(series)
  return scoreBarsOption(
    series,
    metrics.map((m) => m.label),
    (s, i) => metricOf(s.metrics, metrics[i]?.metric ?? ''),
    'score (0–1)',
  )
}

/** One metric per segment (tags with `tagPrefix`), a bar per series with its interval. */
export function qualityBySegmentOption(
  series: readonly CompareSeries[],
  metric: string,
  tagPrefix: string,
): EChartsOption {
  const tags = segmentTags(series, tagPrefix)
  return scoreBarsOption(
    series,
    tags,
    (s, i) => segmentMetric(s, tags[i] ?? '', metric),
    metric,
    (tag) => shortLabel(segmentValue(tag), 24),
  )
}

/** A segment's metric; the "all cases" segment of an untagged dataset is the series' own figure. */
function segmentMetric(s: CompareSeries, tag: string, metric: string): MetricSummary | null {
  if (tag === allCasesSegment) return metricOf(s.metrics, metric)
  return metricOf(s.byTag.find((t) => t.tag === tag)?.metrics ?? [], metric)
}

const scoreHeader = ['series', 'category', 'value', 'ci95_low', 'ci95_high', 'n']

function scoreRow(s: CompareSeries, category: string, m: MetricSummary | null) {
  return [s.label, category, m?.value ?? null, m?.ci95?.low ?? null, m?.ci95?.high ?? null, m?.n ?? 0]
}

export function qualityRows(series: readonly CompareSeries[]): CsvRows {
  const metrics = metricsOf(series)
  return [
    scoreHeader,
    ...series.flatMap((s) => metrics.map((m) => scoreRow(s, m.metric, metricOf(s.metrics, m.metric)))),
  ]
}

export function qualityBySegmentRows(
  series: readonly CompareSeries[],
  metric: string,
  tagPrefix: string,
): CsvRows {
  const tags = segmentTags(series, tagPrefix)
  return [
    scoreHeader,
    ...series.flatMap((s) => tags.map((tag) => scoreRow(s, tag, segmentMetric(s, tag, metric)))),
  ]
}
