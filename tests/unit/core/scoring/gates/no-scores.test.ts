import { describe, expect, it } from 'vitest'
import type { GateRule } from '../../../../../shared/domain/scoring'
import { evaluateRules } from '../../../../../electron/main/core/scoring/gates/evaluate-rules'
import type { CaseScore } from '../../../../../electron/main/core/scoring/gates/evidence'
import { caseId, inputs, passFail, slice } from './evidence-builders'

const rule: GateRule = { kind: 'min_score', metric: 'code.refund_policy', min: 0.9 }
const drop: GateRule = { kind: 'max_drop', metric: 'code.refund_policy', maxDropPoints: 5 }

/** `n` outputs the scorer could not score, the reason of output i from `reason(i)`. */
function unscored(n: number, reason: (i: number) => string): CaseScore[] {
  return Array.from({ length: n }, (_, i) => ({
    caseId: caseId(i),
    repeat: 0,
    value: null,
    raw: null,
    passed: null,
    reason: reason(i),
  }))
}

const explanationOf = (scores: Record<string, CaseScore[]>, rules: GateRule[] = [rule]): string[] =>
  evaluateRules(inputs(rules, slice(scores), { kind: 'self' })).rules.map((r) => r.explanation)

describe('a score rule with nothing to measure says why', () => {
  it('no score row at all: the scorer is not in the suite (or did not run on this slice)', () => {
    expect(explanationOf({ 'format.json': passFail([true]) })).toEqual([
      'No scores for code.refund_policy on this slice: is a scorer for it in the eval suite?',
    ])
  })

  it('every output unscored: says the scorer ran, how many outputs, and the commonest reason', () => {
    const thrown =
      'The code scorer failed: The scorer threw while scoring: TypeError: cannot read property "refund" of undefined'
    const scores = unscored(500, (i) =>
      i % 10 === 0 ? 'The call failed: 500 Internal Server Error' : thrown,
    )
    const [minScore, maxDrop] = explanationOf({ 'code.refund_policy': scores }, [rule, drop])
    expect(minScore).toBe(
      `No scores for code.refund_policy on this slice: the scorer ran but all 500 outputs were left unscored. Reason (450 of 500): "${thrown}".`,
    )
    expect(maxDrop).toBe(minScore)
    expect(
      evaluateRules(inputs([rule], slice({ 'code.refund_policy': scores }), { kind: 'none' })).verdict,
    ).toBe('inconclusive')
  })

  it('one output, a long reason (clipped), or no reason recorded', () => {
    const long = `Not run by Eval Lab: ${'python '.repeat(60)}`
    const [one] = explanationOf({ 'code.refund_policy': unscored(1, () => long) })
    expect(one).toMatch(
      /the scorer ran but its 1 output was left unscored\. Reason \(every one\): "Not run by Eval Lab: python/,
    )
    expect(one).toMatch(/…"\.$/)
    expect(one!.length).toBeLessThan(330)
    expect(explanationOf({ 'code.refund_policy': unscored(3, () => ' ') })).toEqual([
      'No scores for code.refund_policy on this slice: the scorer ran but all 3 outputs were left unscored. Reason (every one): no reason was recorded.',
    ])
  })
})
