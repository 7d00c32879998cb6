import type { GateRule, RuleOutcome, Verdict } from '../../../../../shared/domain/scoring'
import type { GateInputs } from './evidence'
import { evaluateMaxDrop } from './max-drop'
import { evaluateMinScore } from './min-score'
import { evaluateCost, evaluateErrorRate, evaluateLatency } from './observed-rules'
import { countPaired } from './pairing'

export interface RulesVerdict {
  verdict: Verdict
  pairedCases: number
  rules: RuleOutcome[]
}

/** Pure: the same evidence always gives the same outcomes (the bootstrap is seeded). */
export function evaluateRules(inputs: GateInputs): RulesVerdict {
  const rules = inputs.rules.map((rule) => evaluateRule(rule, inputs))
  return { verdict: overallVerdict(rules), pairedCases: pairedCases(inputs), rules }
}

function evaluateRule(rule: GateRule, inputs: GateInputs): RuleOutcome {
  switch (rule.kind) {
    case 'min_score':
      return evaluateMinScore(rule, inputs)
    case 'max_drop':
      return evaluateMaxDrop(rule, inputs)
    case 'max_p95_latency_ms':
      return evaluateLatency(rule, inputs)
    case 'max_cost_per_interaction':
      return evaluateCost(rule, inputs)
    case 'max_error_rate':
      return evaluateErrorRate(rule, inputs)
  }
}

/**
 * Any failed rule fails the gate; otherwise one the data cannot decide keeps it from passing. A suite
 * without gate rules checks nothing, so it cannot pass either.
 */
export function overallVerdict(rules: readonly { verdict: Verdict }[]): Verdict {
  if (rules.length === 0) return 'inconclusive'
  if (rules.some((r) => r.verdict === 'fail')) return 'fail'
  if (rules.some((r) => r.verdict === 'inconclusive')) return 'inconclusive'
  return 'pass'
}

function pairedCases(inputs: GateInputs): number {
  const { baseline, candidate } = inputs
  if (baseline.kind === 'none') return 0
  if (baseline.kind === 'self') return countPaired(candidate.results, candidate.results)
  return countPaired(candidate.results, baseline.evidence.results)
}
