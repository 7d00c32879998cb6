import type { MetricSummary } from '../../../../shared/domain/scoring'
import { gateRuleText } from '../../../../shared/lib/gate-text'
import { meanInterval, percentile, wilsonInterval } from '../scoring/stats'
import type { BaselineFile, GatesFile, ResultLine } from './format'

/** What the summary needs to know of each metric beyond the files: whether it is a pass rate or a mean. */
export interface SummaryMetric {
  metric: string
  label: string
  kind: MetricSummary['kind']
}

export interface SummaryInput {
  promptName: string
  baseline: BaselineFile
  gates: GatesFile
  metrics: readonly SummaryMetric[]
  results: readonly ResultLine[]
}

// Fixed decimals everywhere: the same results must always print the same bytes.
const pct = (share: number): string => `${(share * 100).toFixed(1)} %`
const usd = (value: number | null): string => (value === null ? 'unknown' : `$${value.toFixed(6)}`)
const ms = (value: number | null): string => (value === null ? '–' : `${value.toFixed(0)} ms`)
const cell = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')

interface MetricFigures {
  n: number
  value: number | null
  low: number | null
  high: number | null
}

/** The same figures as the run summary: Wilson interval for a pass rate, t interval (cut to 0..1) for a mean. */
function metricFigures(metric: SummaryMetric, results: readonly ResultLine[]): MetricFigures {
  const values = results.flatMap((r) => {
    const v = r.scores[metric.metric]?.value
    return v === undefined || v === null ? [] : [v]
  })
  if (values.length === 0) return { n: 0, value: null, low: null, high: null }
  if (metric.kind === 'pass_rate') {
    const passes = values.filter((v) => v >= 1).length
    const { low, high } = wilsonInterval(passes, values.length)
    return { n: values.length, value: passes / values.length, low, high }
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  const interval = meanInterval(values)
  return interval
    ? { n: values.length, value: mean, low: Math.max(0, interval.low), high: Math.min(1, interval.high) }
    : { n: values.length, value: mean, low: null, high: null }
}

function metricRow(metric: SummaryMetric, results: readonly ResultLine[]): string {
  const f = metricFigures(metric, results)
  const show = (v: number): string => (metric.kind === 'pass_rate' ? pct(v) : v.toFixed(3))
  const kind = metric.kind === 'pass_rate' ? 'pass rate' : 'mean (0..1)'
  const value = f.value === null ? '–' : show(f.value)
  const ci = f.low === null || f.high === null ? '–' : `${show(f.low)} – ${show(f.high)}`
  return `| ${cell(metric.metric)} | ${cell(metric.label)} | ${kind} | ${f.n} | ${value} | ${ci} |`
}

/**
 * Cost per interaction is the mean over results with a known cost. Latency is over answered results that
 * made a call: a cache hit (no attempts) took no time worth counting.
 */
function callLines(results: readonly ResultLine[]): string[] {
  const costs = results.flatMap((r) => (r.costUsd === null ? [] : [r.costUsd]))
  const total = costs.reduce((a, b) => a + b, 0)
  const latencies = results.flatMap((r) =>
    r.error !== null || r.attempts === 0 || r.totalMs === null ? [] : [r.totalMs],
  )
  return [
    `- Cost per interaction: ${usd(costs.length === 0 ? null : total / costs.length)}`,
    `- Total cost: ${usd(total)}`,
    `- Latency P50: ${ms(percentile(latencies, 50))}`,
    `- Latency P95: ${ms(percentile(latencies, 95))}`,
  ]
}

function gateLines(input: SummaryInput): string[] {
  if (input.gates.gates.length === 0) return ['No gate rules.']
  const kindOf = new Map(input.metrics.map((m) => [m.metric, m.kind]))
  return input.gates.gates.map((rule) => {
    const kind = 'metric' in rule ? kindOf.get(rule.metric) : undefined
    return `- ${gateRuleText(rule, kind === undefined ? null : kind === 'pass_rate')}`
  })
}

/** baseline/summary.md: the baseline's figures for people reviewing the folder in a pull request. */
export function summaryMarkdown(input: SummaryInput): string {
  const b = input.baseline
  const errors = input.results.filter((r) => r.error !== null).length
  const lines = [
    `# Baseline: ${input.promptName}`,
    '',
    `- Prompt version: v${b.promptVersion} (${b.promptContentHash})`,
    `- Model: ${b.provider} / ${b.modelId}`,
    `- Dataset: ${b.dataset.name}, snapshot ${b.dataset.snapshot.number} (${b.dataset.snapshot.caseCount} cases)`,
    `- Run: ${b.run.name}`,
    `- Set by ${b.setBy} at ${b.setAt}${b.note === '' ? '' : ` — ${b.note.replace(/\r?\n/g, ' ')}`}`,
    `- Eval suite: version ${input.gates.suiteVersion}`,
    `- Results: ${input.results.length}, errors: ${errors}`,
    '',
    '## Metrics',
    '',
    '| Metric | Label | Kind | n | Value | 95 % CI |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...input.metrics.map((m) => metricRow(m, input.results)),
    '',
    '## Cost and latency',
    '',
    ...callLines(input.results),
    '',
    '## Gate rules',
    '',
    ...gateLines(input),
    '',
  ]
  return lines.join('\n')
}
