import type { GateRule } from '../../../../../shared/domain/scoring'

/** A share (0..1) as percent, without float noise: 0.99 → "99", 0.995 → "99.5". */
export function percent(share: number): string {
  return String(Math.round(share * 1000) / 10)
}

/** Points or USD rounded for reading, keeping up to `digits` decimals. */
export function rounded(value: number, digits = 1): string {
  const factor = 10 ** digits
  return String(Math.round(value * factor) / factor)
}

export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${rounded(ms / 1000, 2)} s` : `${rounded(ms, 0)} ms`
}

/**
 * What the rule says, in words a reviewer reads in the gate list: "format.json_schema pass rate ≥ 99 %".
 * `binary` says whether the metric is pass/fail (a rate) or ordinal (a mean); null when unknown.
 */
export function ruleLabel(rule: GateRule, binary: boolean | null): string {
  switch (rule.kind) {
    case 'min_score':
      if (rule.min > 1) return `${rule.metric} mean ≥ ${rule.min} on its scale`
      return binary === false
        ? `${rule.metric} mean ≥ ${rule.min} (0..1)`
        : `${rule.metric} pass rate ≥ ${percent(rule.min)} %`
    case 'max_drop':
      return `${rule.metric} no more than ${rounded(rule.maxDropPoints)} points below baseline`
    case 'max_p95_latency_ms':
      return `P95 latency ≤ ${formatDuration(rule.maxMs)}`
    case 'max_cost_per_interaction':
      return `cost per interaction ≤ $${rule.maxUsd}`
    case 'max_error_rate':
      return `error rate ≤ ${percent(rule.max)} %`
  }
}
