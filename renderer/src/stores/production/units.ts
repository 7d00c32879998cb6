import { operationalMetrics, type AlertThreshold } from '../../../../shared/domain/production'

/** How a metric's values read: shares (0..1) as percent, latency in ms, cost in USD. */
export type MetricUnit = 'share' | 'ms' | 'usd'

export function unitOf(metric: string): MetricUnit {
  if (metric === 'latency.p95_ms') return 'ms'
  if (metric === 'cost.per_interaction_usd') return 'usd'
  return 'share'
}

/** 0.938 → "93.8 %", 0.99 → "99 %": one decimal, none when it is zero, as a person writes it. */
export function formatPercent(share: number): string {
  const percent = Math.round(share * 1000) / 10
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)} %`
}

export function formatMetricValue(metric: string, value: number | null): string {
  if (value === null) return '—'
  const unit = unitOf(metric)
  if (unit === 'ms') return `${Math.round(value)} ms`
  if (unit === 'usd') return `$${value.toFixed(value < 0.01 ? 5 : 4)}`
  return formatPercent(value)
}

/**
 * Pass/fail metrics are those of format checks and rules (their value is a pass rate); the one-click
 * default watches them at 95 %. Judges and human criteria are means on a scale, so they are left to the user.
 */
export function isPassFailMetric(metric: string): boolean {
  return metric.startsWith('format.') || metric.startsWith('rule.')
}

export function defaultThresholds(metrics: readonly string[]): AlertThreshold[] {
  return metrics.filter(isPassFailMetric).map((metric) => ({ metric, direction: 'min', value: 0.95 }))
}

/** The defaults the draft lacks (same metric and direction), appended; existing rules stay as they are. */
export function withDefaults(draft: readonly AlertThreshold[], metrics: readonly string[]): AlertThreshold[] {
  const has = (t: AlertThreshold) => draft.some((d) => d.metric === t.metric && d.direction === t.direction)
  return [...draft, ...defaultThresholds(metrics).filter((t) => !has(t))]
}

/** The metrics a threshold can watch: the suite's (from the monitor's labels) then the operational ones. */
export function thresholdMetrics(labels: Record<string, string>): { metric: string; label: string }[] {
  const keys = [...Object.keys(labels).filter((k) => !isOperational(k)), ...operationalMetrics]
  return keys.map((metric) => ({ metric, label: labels[metric] ?? metric }))
}

function isOperational(metric: string): boolean {
  return (operationalMetrics as readonly string[]).includes(metric)
}

/** The sample-rate field is a percent (e.g. "20"); the contract stores a share in (0, 1]. */
export function parseRatePercent(text: string): { rate: number } | { error: string } {
  const percent = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(percent) || percent <= 0 || percent > 100)
    return { error: 'Sample rate must be a percent above 0 and at most 100' }
  return { rate: percent / 100 }
}

export function rateToPercentText(rate: number): string {
  return String(Math.round(rate * 10000) / 100)
}

/** A threshold value typed by the user, on the metric's own unit (0..1 for shares). */
export function parseThresholdValue(metric: string, text: string): { value: number } | { error: string } {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(value)) return { error: 'Enter a number' }
  if (unitOf(metric) === 'share' && (value < 0 || value > 1))
    return { error: 'Scores and rates are 0..1 (0.99 = 99 %)' }
  if (value < 0) return { error: 'Enter a value of 0 or more' }
  return { value }
}

export function describeThreshold(t: AlertThreshold, label: string): string {
  return `${label} ${t.direction === 'min' ? '≥' : '≤'} ${formatMetricValue(t.metric, t.value)}`
}
