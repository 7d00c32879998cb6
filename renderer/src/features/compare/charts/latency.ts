import type { EChartsOption, LineSeriesOption } from 'echarts'
import type { CompareSeries } from '../../../../../shared/domain/compare'
import { batchLatencyNote } from '../../../components/batch-latency'
import type { CsvRows } from './csv'
import { escapeHtml, formatMs, legendOf } from './format'

export interface Histogram {
  /** Lower edge of each bin, ms. */
  edges: number[]
  binMs: number
  /** Per series, the count in each bin. */
  counts: number[][]
}

/**
 * The series' latency histograms as the core binned them: one compare.data answer gives every series the same
 * bins (from 0, `binMs` wide), so their shapes compare; a shorter row is padded with empty bins.
 */
export function latencyHistogram(series: readonly CompareSeries[]): Histogram {
  const binMs = series[0]?.latencyHistogram.binMs ?? 1
  const count = Math.max(1, ...series.map((s) => s.latencyHistogram.counts.length))
  const edges = Array.from({ length: count }, (_, i) => i * binMs)
  const counts = series.map((s) => edges.map((_, b) => s.latencyHistogram.counts[b] ?? 0))
  return { edges, binMs, counts }
}

function percentileLines(s: CompareSeries) {
  const lines: { name: string; xAxis: number; label: { formatter: string } }[] = []
  if (s.latencyP50Ms !== null)
    lines.push({
      name: 'P50',
      xAxis: s.latencyP50Ms,
      label: { formatter: `P50 ${formatMs(s.latencyP50Ms)}` },
    })
  if (s.latencyP95Ms !== null)
    lines.push({
      name: 'P95',
      xAxis: s.latencyP95Ms,
      label: { formatter: `P95 ${formatMs(s.latencyP95Ms)}` },
    })
  return lines
}

/**
 * Latency distribution: a step line per series over shared bins (overlapping bars would hide each other),
 * with each series' P50 and P95 and, when set, the SLO as vertical lines.
 */
export function latencyOption(series: readonly CompareSeries[], sloMs: number | null): EChartsOption {
  const { edges, binMs, counts } = latencyHistogram(series)
  const lines: LineSeriesOption[] = series.map((s, i) => ({
    type: 'line',
    name: s.label,
    step: 'start',
    symbol: 'none',
    areaStyle: { opacity: 0.15 },
    data: edges.map((edge, b) => [edge, counts[i]?.[b] ?? 0]),
    markLine: { symbol: 'none', lineStyle: { type: 'dashed' }, data: percentileLines(s) },
  }))
  if (sloMs !== null)
    lines.push({
      type: 'line',
      name: 'SLO',
      data: [],
      markLine: {
        symbol: 'none',
        lineStyle: { color: '#c0392b', width: 2 },
        data: [{ name: 'SLO', xAxis: sloMs, label: { formatter: `SLO P95 ≤ ${formatMs(sloMs)}` } }],
      },
    })
  return {
    legend: legendOf(series),
    tooltip: {
      trigger: 'axis',
      confine: true,
      axisPointer: { type: 'line' },
      formatter: (params) => latencyTooltip(params, binMs),
    },
    grid: { left: 56, right: 32, bottom: 56, top: 48, containLabel: true },
    xAxis: { type: 'value', name: 'latency (ms)', min: 0 },
    yAxis: { type: 'value', name: 'calls', minInterval: 1 },
    series: lines,
  }
}

type TooltipParams = Parameters<
  Extract<
    NonNullable<Extract<EChartsOption['tooltip'], { formatter?: unknown }>['formatter']>,
    (...args: never[]) => unknown
  >
>[0]

function latencyTooltip(params: TooltipParams, binMs: number): string {
  const items = Array.isArray(params) ? params : [params]
  const first = items[0]?.value
  const edge = Array.isArray(first) ? Number(first[0]) : 0
  const rows = items.map((p) => {
    const count = Array.isArray(p.value) ? Number(p.value[1]) : 0
    return `${escapeHtml(p.seriesName ?? '')}: ${count} calls`
  })
  return [`${edge}–${edge + binMs} ms`, ...rows].join('<br/>')
}

export function latencyRows(series: readonly CompareSeries[]): CsvRows {
  const { edges, binMs, counts } = latencyHistogram(series)
  return [
    ['series', 'bin_from_ms', 'bin_to_ms', 'calls', 'p50_ms', 'p95_ms', 'batch_results_without_latency'],
    ...series.flatMap((s, i) =>
      edges.map((edge, b) => [
        s.label,
        edge,
        edge + binMs,
        counts[i]?.[b] ?? 0,
        s.latencyP50Ms,
        s.latencyP95Ms,
        s.batchResults,
      ]),
    ),
  ]
}

/**
 * What the latency chart leaves out: per series with batch answers, how many calls its percentiles are over
 * and how many batch results have no latency. Null when no series has a batch answer.
 */
export function latencyBatchNote(series: readonly CompareSeries[]): string | null {
  const notes = series.flatMap((s) => {
    const note = batchLatencyNote(s.latencyN, s.batchResults)
    return note ? [`${s.label}: ${note}`] : []
  })
  return notes.length > 0 ? notes.join('. ') : null
}
