import type { GateRule, RuleOutcome } from '../../../../../shared/domain/scoring'
import { percentile, wilsonInterval } from '../stats'
import { failingCase, maxFailingCases, outcomeOf, type GateInputs } from './evidence'
import { durationText, gateRuleText, percentText } from '../../../../../shared/lib/gate-text'

type Rule<K extends GateRule['kind']> = Extract<GateRule, { kind: K }>

/**
 * P95 latency of the answered calls that went to the model, as in the run summary: failed calls have no
 * meaningful latency and cache hits made no call.
 */
export function evaluateLatency(rule: Rule<'max_p95_latency_ms'>, inputs: GateInputs): RuleOutcome {
  const label = gateRuleText(rule, null)
  const latencies = inputs.candidate.results
    .filter((r) => !r.error && !r.cached && r.totalMs !== null)
    .map((r) => r.totalMs ?? 0)
  if (latencies.length === 0) {
    return outcomeOf(
      rule,
      label,
      'inconclusive',
      'No answered call with a measured latency (cache hits are not counted).',
    )
  }
  const p95 = percentile(latencies, 95) ?? 0
  const pass = p95 <= rule.maxMs
  return outcomeOf(
    rule,
    label,
    pass ? 'pass' : 'fail',
    `P95 latency ${durationText(p95)} over ${latencies.length} answered calls (cache hits left out); the limit is ${durationText(rule.maxMs)}.`,
    { candidate: p95 },
  )
}

/** Mean cost of the calls whose cost is known; unknown prices make the rule inconclusive, not passed. */
export function evaluateCost(rule: Rule<'max_cost_per_interaction'>, inputs: GateInputs): RuleOutcome {
  const label = gateRuleText(rule, null)
  const costs = inputs.candidate.results.filter((r) => r.costUsd !== null).map((r) => r.costUsd ?? 0)
  if (costs.length === 0) {
    return outcomeOf(
      rule,
      label,
      'inconclusive',
      'The cost of these calls is unknown (no price for the model): set a price in Settings.',
    )
  }
  const mean = costs.reduce((a, b) => a + b, 0) / costs.length
  const unknown = inputs.candidate.results.length - costs.length
  const note = unknown > 0 ? ` ${unknown} call(s) without a known cost are left out.` : ''
  return outcomeOf(
    rule,
    label,
    mean <= rule.maxUsd ? 'pass' : 'fail',
    `$${mean.toPrecision(3)} per interaction over ${costs.length} calls; the limit is $${rule.maxUsd}.${note}`,
    { candidate: mean },
  )
}

/** Failed calls (after retries) over all calls; on a canary sample only a clear excess fails. */
export function evaluateErrorRate(rule: Rule<'max_error_rate'>, inputs: GateInputs): RuleOutcome {
  const label = gateRuleText(rule, null)
  const { results } = inputs.candidate
  if (results.length === 0) return outcomeOf(rule, label, 'inconclusive', 'The slice has no results.')
  const errors = results.filter((r) => r.error)
  const rate = errors.length / results.length
  const clearlyAbove = wilsonInterval(errors.length, results.length).low > rule.max
  const verdict = rate <= rule.max ? 'pass' : inputs.mode === 'gate' || clearlyAbove ? 'fail' : 'inconclusive'
  return outcomeOf(
    rule,
    label,
    verdict,
    `${errors.length} of ${results.length} calls failed (${percentText(rate)} %); the limit is ${percentText(rule.max)} %.`,
    {
      candidate: rate,
      failingCases: errors
        .slice(0, maxFailingCases)
        .map((r) => failingCase(inputs.caseKeys, r.caseId, 'the call failed')),
    },
  )
}
