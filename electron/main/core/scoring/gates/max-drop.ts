import type { GateRule, RuleOutcome, Verdict } from '../../../../../shared/domain/scoring'
import { pairedBootstrap } from '../stats'
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
import { gateRuleText, rounded } from '../../../../../shared/lib/gate-text'
import { noScoresText } from './no-scores'
import { mdeWarning, pairedTest } from './paired-test'
import { deltasOf, pairScores, type ScorePair } from './pairing'

type MaxDropRule = Extract<GateRule, { kind: 'max_drop' }>

/** p below this, with the point estimate beyond the margin, fails the rule even if the interval is wide. */
const alpha = 0.05

/**
 * "quality no more than 5 points below baseline", decided case by case: the mean paired delta (points =
 * percentage points of the 0..1 score) with its paired-bootstrap 95 % interval and an exact paired test.
 * Pass when the interval rules the drop out; fail when it (or a significant test) shows the drop; else the
 * data cannot tell, and the verdict says so.
 */
export function evaluateMaxDrop(rule: MaxDropRule, inputs: GateInputs): RuleOutcome {
  const candidate = inputs.candidate.scores.get(rule.metric) ?? []
  const { baseline } = inputs
  const baselineScores = baseline.kind === 'slice' ? (baseline.evidence.scores.get(rule.metric) ?? []) : []
  const binary = isBinaryMetric(candidate) || isBinaryMetric(baselineScores)
  const label = gateRuleText(rule, binary)
  if (baseline.kind === 'none') {
    return outcomeOf(
      rule,
      label,
      'inconclusive',
      'No baseline for this dataset snapshot: set one to compare.',
    )
  }
  if (scored(candidate).length === 0) {
    return outcomeOf(rule, label, 'inconclusive', noScoresText(rule.metric, candidate))
  }
  if (baseline.kind === 'self') return selfComparison(rule, label, candidate)
  const { pairs, leftOut } = pairScores(candidate, baselineScores)
  if (pairs.length === 0) {
    return outcomeOf(
      rule,
      label,
      'inconclusive',
      'No case was scored on both the candidate and the baseline.',
    )
  }
  return comparePairs(rule, label, { pairs, leftOut, binary, caseKeys: inputs.caseKeys })
}

function selfComparison(rule: MaxDropRule, label: string, candidate: readonly CaseScore[]): RuleOutcome {
  const mean = meanValue(scored(candidate))
  return outcomeOf(rule, label, 'pass', 'The candidate is the baseline: the delta is 0 by definition.', {
    candidate: mean,
    baseline: mean,
    delta: 0,
    deltaCi95: { low: 0, high: 0 },
  })
}

interface Comparison {
  pairs: readonly ScorePair[]
  leftOut: number
  binary: boolean
  caseKeys: GateInputs['caseKeys']
}

function comparePairs(rule: MaxDropRule, label: string, c: Comparison): RuleOutcome {
  const deltas = deltasOf(c.pairs)
  const boot = pairedBootstrap(deltas, { seed: 1 })
  const delta = 100 * boot.mean
  const ci = { low: 100 * boot.low, high: 100 * boot.high }
  const tested = pairedTest(c.pairs, c.binary)
  const margin = rule.maxDropPoints
  const verdict = dropVerdict(delta, ci, tested.test.pValue, margin)
  const leftOut = c.leftOut > 0 ? ` ${c.leftOut} case(s) scored on one side only are left out.` : ''
  const explanation =
    `Over ${c.pairs.length} paired cases the candidate is ${signed(delta)} points against the baseline ` +
    `(95 % CI ${signed(ci.low)} to ${signed(ci.high)}): ${tested.text}, ${tested.test.name} ` +
    `p = ${formatP(tested.test.pValue)}. ${verdictText(verdict, margin)}${leftOut}`
  return outcomeOf(rule, label, verdict, explanation, {
    candidate: meanValue(c.pairs.map((p) => p.candidate)),
    baseline: meanValue(c.pairs.map((p) => p.baseline)),
    delta,
    deltaCi95: ci,
    test: tested.test,
    warning: mdeWarning(c.pairs.length, tested.mdePoints, margin),
    failingCases: worsened(c.pairs, c.binary, c.caseKeys),
  })
}

function dropVerdict(delta: number, ci: { low: number; high: number }, p: number, margin: number): Verdict {
  if (ci.low >= -margin) return 'pass'
  if (ci.high < -margin || (delta < -margin && p < alpha)) return 'fail'
  return 'inconclusive'
}

function verdictText(verdict: Verdict, margin: number): string {
  const m = rounded(margin)
  if (verdict === 'pass') return `A drop of more than ${m} points is ruled out.`
  if (verdict === 'fail') return `The candidate is more than ${m} points below the baseline.`
  return `The data cannot tell whether the drop exceeds ${m} points.`
}

/** The cases that got worse, the worst first, with the candidate scorer's reason. */
function worsened(
  pairs: readonly ScorePair[],
  binary: boolean,
  caseKeys: GateInputs['caseKeys'],
): RuleOutcome['failingCases'] {
  // Stable sort: equally worse cases keep the dataset's order.
  return inDatasetOrder(pairs, caseKeys, (p) => p.caseId)
    .map((p) => ({ p, d: (p.candidate.value ?? 0) - (p.baseline.value ?? 0) }))
    .filter(({ d }) => d < 0)
    .sort((a, b) => a.d - b.d)
    .slice(0, maxFailingCases)
    .map(({ p }) => {
      const move = binary ? 'pass → fail' : `${scoreText(p.baseline)} → ${scoreText(p.candidate)}`
      return failingCase(caseKeys, p.caseId, `${move}: ${p.candidate.reason}`.trim())
    })
}

const scoreText = (s: CaseScore): string => String(s.raw ?? rounded(s.value ?? 0, 2))
const signed = (points: number): string => (points > 0 ? '+' : '') + rounded(points)
const formatP = (p: number): string => (p < 0.001 ? '< 0.001' : p.toPrecision(2))

function meanValue(scores: readonly CaseScore[]): number | null {
  if (scores.length === 0) return null
  return scores.reduce((sum, s) => sum + (s.value ?? 0), 0) / scores.length
}
