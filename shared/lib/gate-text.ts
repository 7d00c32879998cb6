import type { GateRule, MetricSummary } from '../domain/scoring'

// One wording for gate rules and their figures, used by the core's gate labels, the app and the CLI, so a
// rule reads the same in the suite editor, a gate result, a bundle summary and a terminal.

/** A share (0..1) as percent without float noise: 0.99 → "99", 0.995 → "99.5". */
export function percentText(share: number): string {
  return String(Math.round(share * 1000) / 10)
}

/** Points or USD rounded for reading, keeping up to `digits` decimals. */
export function rounded(value: number, digits = 1): string {
  const factor = 10 ** digits
  return String(Math.round(value * factor) / factor)
}

/** 8000 → "8 s", 450 → "450 ms". */
export function durationText(ms: number): string {
  return ms >= 1000 ? `${rounded(ms / 1000, 2)} s` : `${rounded(ms, 0)} ms`
}

/**
 * What a gate rule says: "format.json_schema pass rate ≥ 99 %", "category no more than 5 points below
 * baseline", "P95 latency ≤ 8 s", "cost per interaction ≤ $0.01". `binary`: whether the metric is pass/fail
 * (a rate) or ordinal (a mean); null when unknown.
 */
export function gateRuleText(rule: GateRule, binary: boolean | null = null): string {
  switch (rule.kind) {
    case 'min_score':
      if (rule.min > 1) return `${rule.metric} mean ≥ ${rule.min} on its scale`
      return binary === false
        ? `${rule.metric} mean ≥ ${rule.min} (0..1)`
        : `${rule.metric} pass rate ≥ ${percentText(rule.min)} %`
    case 'max_drop':
      return `${rule.metric} no more than ${rounded(rule.maxDropPoints)} points below baseline`
    case 'max_p95_latency_ms':
      return `P95 latency ≤ ${durationText(rule.maxMs)}`
    case 'max_cost_per_interaction':
      return `cost per interaction ≤ $${rule.maxUsd}`
    case 'max_error_rate':
      return `error rate ≤ ${percentText(rule.max)} %`
  }
}

/** A pass rate as "96.6 %", a mean on 0..1 as "0.82"; "—" when nothing was scored. */
export function metricValueText(kind: MetricSummary['kind'], value: number | null): string {
  if (value === null) return '—'
  return kind === 'pass_rate' ? `${percentText(value)} %` : value.toFixed(2)
}

/** "95 % CI 93.1–98.4 %" (pass rates) or "95 % CI 0.71–0.86" (means). */
export function intervalText(kind: MetricSummary['kind'], ci: { low: number; high: number } | null): string {
  if (!ci) return '95 % CI —'
  if (kind === 'pass_rate') return `95 % CI ${percentText(ci.low)}–${percentText(ci.high)} %`
  return `95 % CI ${ci.low.toFixed(2)}–${ci.high.toFixed(2)}`
}

/** "+1.5" / "−3.2" with a real minus sign, as people write deltas. */
export function signedText(value: number, digits = 1): string {
  const text = rounded(Math.abs(value), digits)
  if (Number(text) === 0) return '0'
  return `${value < 0 ? '−' : '+'}${text}`
}

/** p-values as statisticians print them: "p = 0.031", "p < 0.001". */
export function pValueText(p: number): string {
  if (p < 0.001) return 'p < 0.001'
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`
}

/** A rule's candidate or baseline figure in the rule's own unit: "96.6 %", "7.2 s", "$0.004". */
export function ruleValueText(rule: GateRule, value: number | null): string {
  if (value === null) return '—'
  switch (rule.kind) {
    case 'min_score':
      return rule.min > 1 ? rounded(value, 2) : `${percentText(value)} %`
    case 'max_drop':
    case 'max_error_rate':
      return `${percentText(value)} %`
    case 'max_p95_latency_ms':
      return durationText(value)
    case 'max_cost_per_interaction':
      return `$${Number(value.toPrecision(3))}`
  }
}

/** A delta in the rule's unit: percentage points for scores and rates, ms for latency, USD for cost. */
export function deltaText(rule: GateRule, delta: number): string {
  switch (rule.kind) {
    case 'max_p95_latency_ms':
      return `${signedText(delta, 0)} ms`
    case 'max_cost_per_interaction':
      return `${signedText(delta, 5)} USD`
    default:
      return `${signedText(delta)} points`
  }
}
