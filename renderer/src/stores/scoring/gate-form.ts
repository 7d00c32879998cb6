import { gateRuleSchema, type GateRule, type Rubric, type Scorer } from '../../../../shared/domain/scoring'
import { findCriterion } from './scorer-form'

export const gateKinds = [
  'min_score',
  'max_drop',
  'max_p95_latency_ms',
  'max_cost_per_interaction',
  'max_error_rate',
] as const
export type GateKind = (typeof gateKinds)[number]

/** What each kind asks for: the value's unit as the user types it, and whether it names a metric. */
export const gateKindInfo: Record<GateKind, { title: string; unit: string; metric: boolean; value: string }> =
  {
    min_score: { title: 'Minimum score', unit: '%', metric: true, value: '99' },
    max_drop: { title: 'No worse than the baseline', unit: 'points', metric: true, value: '5' },
    max_p95_latency_ms: { title: 'P95 latency', unit: 's', metric: false, value: '8' },
    max_cost_per_interaction: { title: 'Cost per interaction', unit: 'USD', metric: false, value: '0.01' },
    max_error_rate: { title: 'Error rate', unit: '%', metric: false, value: '1' },
  }

/** The add/edit gate form: the value in the unit shown beside it (%, points, seconds, USD). */
export interface GateForm {
  kind: GateKind
  metric: string
  value: string
}

export function blankGateForm(metrics: readonly string[]): GateForm {
  return { kind: 'min_score', metric: metrics[0] ?? '', value: gateKindInfo.min_score.value }
}

const text = (n: number) => String(Math.round(n * 1e6) / 1e6)

export function formFromGate(rule: GateRule): GateForm {
  switch (rule.kind) {
    case 'min_score':
      return { kind: rule.kind, metric: rule.metric, value: text(rule.min * 100) }
    case 'max_drop':
      return { kind: rule.kind, metric: rule.metric, value: text(rule.maxDropPoints) }
    case 'max_p95_latency_ms':
      return { kind: rule.kind, metric: '', value: text(rule.maxMs / 1000) }
    case 'max_cost_per_interaction':
      return { kind: rule.kind, metric: '', value: text(rule.maxUsd) }
    case 'max_error_rate':
      return { kind: rule.kind, metric: '', value: text(rule.max * 100) }
  }
}

function ruleOf(form: GateForm, n: number): unknown {
  switch (form.kind) {
    case 'min_score':
      return { kind: form.kind, metric: form.metric, min: n / 100 }
    case 'max_drop':
      return { kind: form.kind, metric: form.metric, maxDropPoints: n }
    case 'max_p95_latency_ms':
      return { kind: form.kind, maxMs: n * 1000 }
    case 'max_cost_per_interaction':
      return { kind: form.kind, maxUsd: n }
    case 'max_error_rate':
      return { kind: form.kind, max: n / 100 }
  }
}

/** The rule the form describes, or what to fix; a metric must be one the suite's scorers produce. */
export function gateFromForm(
  form: GateForm,
  metrics: readonly string[],
): { rule: GateRule } | { problem: string } {
  const info = gateKindInfo[form.kind]
  if (info.metric && !metrics.includes(form.metric))
    return { problem: 'Choose a metric one of the scorers produces.' }
  const n = Number(form.value)
  if (form.value.trim() === '' || !Number.isFinite(n) || n < 0)
    return { problem: `Give a number of ${info.unit}.` }
  if (info.unit === '%' && n > 100) return { problem: 'A percentage is at most 100.' }
  if (form.kind === 'max_p95_latency_ms' && n === 0)
    return { problem: 'The latency limit must be above 0 s.' }
  const parsed = gateRuleSchema.safeParse(ruleOf(form, n))
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'This rule is not valid.' }
  return { rule: parsed.data }
}

/**
 * Whether a scorer's metric is pass/fail (a rate) or ordinal (a mean): format checks and rules pass or fail;
 * judges and humans follow their criterion's scale. Null when the rubric is unknown.
 */
export function isBinaryScorer(scorer: Scorer, rubrics: readonly Rubric[]): boolean | null {
  const config = scorer.config
  if (config.kind === 'format' || config.kind === 'rule' || config.kind === 'assertions') return true
  if (config.kind === 'code') return false
  const criterion = findCriterion(rubrics, config.rubricId, config.criterionKey)
  return criterion ? criterion.scale.type === 'pass_fail' : null
}

/** Whether the metric a rule names is pass/fail, for its wording; null when no scorer produces it. */
export function isBinaryMetric(
  metric: string,
  scorers: readonly Scorer[],
  rubrics: readonly Rubric[],
): boolean | null {
  const scorer = scorers.find((s) => s.metric === metric)
  return scorer ? isBinaryScorer(scorer, rubrics) : null
}
