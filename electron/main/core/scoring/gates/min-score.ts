import type { GateRule, RuleOutcome, Verdict } from '../../../../../shared/domain/scoring'
import { meanInterval, wilsonInterval } from '../stats'
import {
  failingCase,
  inDatasetOrder,
  isBinaryMetric,
  maxFailingCases,
  outcomeOf,
  scored,
  type CaseScore,
  type GateInputs,
} from './evidence'
import { noScoresText } from './no-scores'
import { gateRuleText, percentText, rounded } from '../../../../../shared/lib/gate-text'

type MinScoreRule = Extract<GateRule, { kind: 'min_score' }>

interface Measurement {
  value: number
  ci: { low: number; high: number } | null
  /** "96.6 % pass (140 of 145)" or "mean 0.82 of 138 scores". */
  text: string
  ciText: string
}

/**
 * "format pass rate ≥ 99 %": on the full dataset the observed rate is a measurement, compared as is. On a
 * canary sample it is an estimate, so only a 95 % interval wholly below the minimum fails clearly.
 */
export function evaluateMinScore(rule: MinScoreRule, inputs: GateInputs): RuleOutcome {
  const all = inputs.candidate.scores.get(rule.metric) ?? []
  const known = scored(all)
  if (known.length === 0) {
    return outcomeOf(rule, gateRuleText(rule, null), 'inconclusive', noScoresText(rule.metric, all))
  }
  const binary = isBinaryMetric(all)
  const onScale = rule.min > 1
  const m = measure(known, binary, onScale)
  const verdict = verdictFor(m, rule.min, inputs.mode)
  const unscored = all.length - known.length
  const needs = binary && !onScale ? `${percentText(rule.min)} %` : String(rule.min)
  const explanation = [
    `${m.text}${m.ciText}; the rule needs ≥ ${needs}.`,
    unscored > 0 ? `${unscored} output(s) could not be scored and are left out.` : '',
    inputs.mode === 'canary' ? 'Measured on the canary sample.' : '',
  ]
    .filter(Boolean)
    .join(' ')
  return outcomeOf(rule, gateRuleText(rule, binary), verdict, explanation, {
    candidate: m.value,
    failingCases: failing(known, binary, rule.min, inputs.caseKeys),
  })
}

function verdictFor(m: Measurement, min: number, mode: GateInputs['mode']): Verdict {
  if (m.value >= min) return 'pass'
  if (mode === 'gate') return 'fail'
  return m.ci && m.ci.high < min ? 'fail' : 'inconclusive'
}

function measure(known: readonly CaseScore[], binary: boolean, onScale: boolean): Measurement {
  if (binary && !onScale) {
    const passes = known.filter((s) => s.passed === true).length
    const ci = wilsonInterval(passes, known.length)
    return {
      value: passes / known.length,
      ci,
      text: `${percentText(passes / known.length)} % pass (${passes} of ${known.length})`,
      ciText: ` (95 % CI ${percentText(ci.low)}–${percentText(ci.high)} %)`,
    }
  }
  const values = known.map((s) => (onScale ? (s.raw ?? 0) : (s.value ?? 0)))
  const interval = meanInterval(values)
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  return {
    value: mean,
    ci: interval ? { low: interval.low, high: interval.high } : null,
    text: `mean ${rounded(mean, 2)} of ${values.length} scores${onScale ? ' on its scale' : ''}`,
    ciText: interval ? ` (95 % CI ${rounded(interval.low, 2)}–${rounded(interval.high, 2)})` : '',
  }
}

/** Pass/fail: every failed case with the scorer's reason. Ordinal: every case scored below the minimum. */
function failing(
  known: readonly CaseScore[],
  binary: boolean,
  min: number,
  caseKeys: GateInputs['caseKeys'],
): RuleOutcome['failingCases'] {
  const below = (s: CaseScore): boolean => {
    if (min > 1) return (s.raw ?? 0) < min
    return (s.value ?? 0) < (binary ? 1 : min)
  }
  return inDatasetOrder(known.filter(below), caseKeys, (s) => s.caseId)
    .slice(0, maxFailingCases)
    .map((s) => {
      const score = binary ? '' : `scored ${s.raw ?? rounded(s.value ?? 0, 2)}: `
      return failingCase(caseKeys, s.caseId, `${score}${s.reason}`.trim())
    })
}
