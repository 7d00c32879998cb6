import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { AlertThreshold, MonitorPoint } from '../../../../shared/domain/production'
import { formatMetricValue, unitOf } from '../../stores/production/units'

const valueColor = '#2563eb'
const alertColor = '#dc2626'

function valueAt(point: MonitorPoint, metric: string): number | null {
  return point.metrics[metric]?.value ?? null
}

/**
 * The CI band as two stacked lines: an invisible lower bound and the band height on top of it, filled.
 * ECharts has no band series; stacking keeps the exact bounds in the data for the CSV and tests.
 */
function bandSeries(points: readonly MonitorPoint[], metric: string): LineSeriesOption[] {
  const ci = points.map((p) => p.metrics[metric]?.ci95 ?? null)
  const common = { type: 'line' as const, stack: 'ci95', symbol: 'none', silent: true, connectNulls: false }
  return [
    { ...common, name: '95% CI low', lineStyle: { opacity: 0 }, data: ci.map((c) => c?.low ?? null) },
    {
      ...common,
      name: '95% CI',
      lineStyle: { opacity: 0 },
      areaStyle: { color: valueColor, opacity: 0.15 },
      data: ci.map((c) => (c ? c.high - c.low : null)),
    },
  ]
}

function thresholdLines(metric: string, thresholds: readonly AlertThreshold[]) {
  return thresholds
    .filter((t) => t.metric === metric)
    .map((t) => ({
      yAxis: t.value,
      name: `${t.direction} ${formatMetricValue(metric, t.value)}`,
      label: { formatter: `${t.direction} ${formatMetricValue(metric, t.value)}` },
    }))
}

/** A metric over the imports (oldest first): its value, its 95 % CI band and the thresholds that watch it. */
export function timelineOption(
  timeline: readonly MonitorPoint[],
  metric: string,
  label: string,
  thresholds: readonly AlertThreshold[],
): EChartsOption {
  const share = unitOf(metric) === 'share'
  const value: LineSeriesOption = {
    type: 'line',
    name: label,
    symbolSize: 8,
    connectNulls: true,
    itemStyle: { color: valueColor },
    data: timeline.map((p) => valueAt(p, metric)),
    markLine: {
      symbol: 'none',
      lineStyle: { color: alertColor, type: 'dashed' },
      data: thresholdLines(metric, thresholds),
    },
  }
  return {
    tooltip: {
      trigger: 'axis',
      confine: true,
      valueFormatter: (v) => formatMetricValue(metric, typeof v === 'number' ? v : null),
    },
    grid: { left: 56, right: 24, bottom: 48, top: 32, containLabel: true },
    xAxis: { type: 'category', name: 'day', data: timeline.map((p) => p.label) },
    yAxis: share ? { type: 'value', name: label, min: 0, max: 1 } : { type: 'value', name: label },
    series: [...bandSeries(timeline, metric), value],
  }
}

/** The metrics the timeline has values for, in the order of the labels (suite first, then operational). */
export function timelineMetrics(
  timeline: readonly MonitorPoint[],
  labels: Record<string, string>,
): { metric: string; label: string }[] {
  const present = new Set(timeline.flatMap((p) => Object.keys(p.metrics)))
  const ordered = [...Object.keys(labels), ...[...present].filter((m) => !(m in labels))]
  return ordered.filter((m) => present.has(m)).map((metric) => ({ metric, label: labels[metric] ?? metric }))
}
