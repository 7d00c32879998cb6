import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { PromptTrend } from '../../../../../shared/domain/compare'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import type { CsvRows } from './csv'
import { formatScore, metricOf } from './format'

type TrendPoint = PromptTrend['points'][number]

/** Sorted version numbers present in the trend, as axis categories "v3". */
function versionsOf(trend: PromptTrend): number[] {
  return [...new Set(trend.points.map((p) => p.versionNumber))].sort((a, b) => a - b)
}

/** The newest point of a model ("provider/model") at a version (a version may have been run more than once). */
function latestAt(points: readonly TrendPoint[], model: string, version: number): TrendPoint | null {
  const matching = points.filter((p) => identityLabel(p) === model && p.versionNumber === version)
  return matching.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null
}

/**
 * A prompt's metric across its versions: a line per model (provider/model: one model id through two providers
 * is two lines), so a model change does not read as a prompt change.
 */
export function trendOption(trend: PromptTrend, metric: string): EChartsOption {
  const versions = versionsOf(trend)
  const models = [...new Set(trend.points.map(identityLabel))].sort()
  const lines: LineSeriesOption[] = models.map((model) => ({
    type: 'line',
    name: model,
    connectNulls: true,
    symbolSize: 8,
    data: versions.map((v) => {
      const point = latestAt(trend.points, model, v)
      return point ? (metricOf(point.metrics, metric)?.value ?? null) : null
    }),
  }))
  return {
    legend: { type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (value) => formatScore(typeof value === 'number' ? value : null),
    },
    grid: { left: 56, right: 24, bottom: 48, top: 48, containLabel: true },
    xAxis: { type: 'category', name: 'version', data: versions.map((v) => `v${v}`) },
    yAxis: { type: 'value', name: metric, min: 0, max: 1 },
    series: lines,
  }
}

export function trendRows(trend: PromptTrend, metric: string): CsvRows {
  return [
    ['version', 'provider', 'model', 'run', 'created_at', metric, 'n', 'cost_per_interaction_usd', 'p95_ms'],
    ...trend.points.map((p) => {
      const m = metricOf(p.metrics, metric)
      return [
        p.versionNumber,
        p.provider,
        p.modelId,
        p.runName,
        p.createdAt,
        m?.value ?? null,
        m?.n ?? 0,
        p.costPerInteractionUsd,
        p.latencyP95Ms,
      ]
    }),
  ]
}
