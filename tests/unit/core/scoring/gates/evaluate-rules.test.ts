import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { GateRule } from '../../../../../shared/domain/scoring'
import { evaluateRules } from '../../../../../electron/main/core/scoring/gates/evaluate-rules'
import { calls, caseId, inputs, likert, passFail, slice, withFailures } from './evidence-builders'

const formatRule: GateRule = { kind: 'min_score', metric: 'format.json_schema', min: 0.99 }
const categoryDrop: GateRule = { kind: 'max_drop', metric: 'rule.category', maxDropPoints: 5 }

describe('max_drop against the baseline', () => {
  it('gives delta 0 and a pass for identical runs (McNemar p = 1)', () => {
    const scores = passFail(withFailures(145, [3, 17, 40, 41, 99]))
    const result = evaluateRules(
      inputs([categoryDrop], slice({ 'rule.category': scores }), {
        kind: 'slice',
        evidence: slice({ 'rule.category': passFail(withFailures(145, [3, 17, 40, 41, 99])) }),
      }),
    )
    expect(result.verdict).toBe('pass')
    expect(result.pairedCases).toBe(145)
    const [rule] = result.rules
    expect(rule).toMatchObject({
      label: 'rule.category no more than 5 points below baseline',
      verdict: 'pass',
      delta: 0,
      deltaCi95: { low: 0, high: 0 },
      test: { name: 'McNemar exact', pValue: 1 },
      failingCases: [],
    })
  })

  it('holds for any identical pair of pass/fail runs (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 300 }), (passes) => {
        const evidence = slice({ m: passFail(passes) })
        const same = { kind: 'slice' as const, evidence: slice({ m: passFail(passes) }) }
        const rule: GateRule = { kind: 'max_drop', metric: 'm', maxDropPoints: 0 }
        const [outcome] = evaluateRules(inputs([rule], evidence, same)).rules
        expect(outcome?.delta).toBe(0)
        expect(outcome?.deltaCi95).toEqual({ low: 0, high: 0 })
        expect(outcome?.verdict).toBe('pass')
      }),
      { numRuns: 60 },
    )
  })

  it('fails a clear drop, with the McNemar p-value and the cases that got worse', () => {
    const baseline = withFailures(145, [0, 1, 2])
    const worse = Array.from({ length: 20 }, (_, i) => 10 + i * 5)
    const candidate = withFailures(145, [0, 1, 2, ...worse])
    const result = evaluateRules(
      inputs([categoryDrop], slice({ 'rule.category': passFail(candidate) }), {
        kind: 'slice',
        evidence: slice({ 'rule.category': passFail(baseline) }),
      }),
    )
    const [rule] = result.rules
    expect(result.verdict).toBe('fail')
    expect(rule?.verdict).toBe('fail')
    expect(rule?.delta).toBeCloseTo((-20 / 145) * 100, 6)
    expect(rule?.deltaCi95?.high).toBeLessThan(0)
    // 20 discordant pairs, all pass → fail: p = 2 · 0.5^20.
    expect(rule?.test?.name).toBe('McNemar exact')
    expect(rule?.test?.pValue).toBeCloseTo(2 * 0.5 ** 20, 10)
    expect(rule?.failingCases).toHaveLength(20)
    expect(rule?.failingCases[0]).toEqual({
      caseId: caseId(10),
      caseKey: 'tkt-0010',
      detail: 'pass → fail: case 10 failed the check',
    })
    expect(rule?.explanation).toMatch(/20 pass → fail and 0 fail → pass/)
  })

  it('warns that a small dataset cannot detect the margin and stays inconclusive', () => {
    const baseline = withFailures(12, [])
    const candidate = withFailures(12, [4])
    const [rule] = evaluateRules(
      inputs([categoryDrop], slice({ 'rule.category': passFail(candidate) }), {
        kind: 'slice',
        evidence: slice({ 'rule.category': passFail(baseline) }),
      }),
    ).rules
    expect(rule?.verdict).toBe('inconclusive')
    expect(rule?.test?.pValue).toBe(1)
    expect(rule?.warning).toMatch(
      /^With 12 paired cases a drop smaller than \d+(\.\d)? points cannot be detected \(the rule allows 5\); add cases\.$/,
    )
    expect(rule?.explanation).toMatch(/cannot tell/)
  })

  it('is inconclusive without a baseline, and passes with delta 0 when the candidate is the baseline', () => {
    const candidate = slice({ 'rule.category': passFail(withFailures(50, [1])) })
    const none = evaluateRules(inputs([categoryDrop], candidate, { kind: 'none' }))
    expect(none.verdict).toBe('inconclusive')
    expect(none.pairedCases).toBe(0)
    expect(none.rules[0]).toMatchObject({ verdict: 'inconclusive', delta: null })
    expect(none.rules[0]?.explanation).toMatch(/no baseline for this dataset snapshot/i)

    const self = evaluateRules(inputs([categoryDrop], candidate, { kind: 'self' }))
    expect(self).toMatchObject({ verdict: 'pass', pairedCases: 50 })
    expect(self.rules[0]).toMatchObject({ verdict: 'pass', delta: 0, deltaCi95: { low: 0, high: 0 } })
  })

  it('pairs case by case and leaves out cases scored on one side only', () => {
    const candidate = passFail(withFailures(40, []))
    const baseline = passFail(withFailures(40, [])).slice(5)
    const [rule] = evaluateRules(
      inputs([categoryDrop], slice({ 'rule.category': candidate }), {
        kind: 'slice',
        evidence: slice({ 'rule.category': baseline }, calls(40).slice(5)),
      }),
    ).rules
    expect(rule?.explanation).toMatch(
      /Over 35 paired cases .* 5 case\(s\) scored on one side only are left out/,
    )
  })

  it('uses the Wilcoxon signed-rank test on ordinal scores', () => {
    const base = Array.from({ length: 30 }, () => 5)
    const cand = base.map((v, i) => (i % 2 === 0 ? v - 2 : v))
    const rule: GateRule = { kind: 'max_drop', metric: 'judge.quality', maxDropPoints: 5 }
    const [outcome] = evaluateRules(
      inputs([rule], slice({ 'judge.quality': likert(cand) }), {
        kind: 'slice',
        evidence: slice({ 'judge.quality': likert(base) }),
      }),
    ).rules
    expect(outcome?.test?.name).toMatch(/^Wilcoxon signed-rank/)
    expect(outcome?.verdict).toBe('fail')
    expect(outcome?.delta).toBeCloseTo(-25, 6)
    expect(outcome?.failingCases[0]?.detail).toBe('5 → 3: scored 3')
  })
})

describe('absolute rules', () => {
  it('fails min_score below the minimum and lists every failing case with its reason', () => {
    const candidate = slice({ 'format.json_schema': passFail(withFailures(145, [7, 8, 9, 60, 61, 144])) })
    const result = evaluateRules(inputs([formatRule], candidate, { kind: 'none' }))
    const [rule] = result.rules
    expect(result.verdict).toBe('fail')
    expect(rule?.label).toBe('format.json_schema pass rate ≥ 99 %')
    expect(rule?.candidate).toBeCloseTo(139 / 145, 10)
    expect(rule?.explanation).toMatch(
      /^95\.9 % pass \(139 of 145\) \(95 % CI [\d.]+–[\d.]+ %\); the rule needs ≥ 99 %\.$/,
    )
    expect(rule?.failingCases.map((c) => c.caseKey)).toEqual([
      'tkt-0007',
      'tkt-0008',
      'tkt-0009',
      'tkt-0060',
      'tkt-0061',
      'tkt-0144',
    ])
    expect(rule?.failingCases[0]?.detail).toBe('case 7 failed the check')
  })

  it('passes min_score at the minimum and is inconclusive for a metric without scores', () => {
    const candidate = slice({ 'format.json_schema': passFail(withFailures(100, [5])) })
    const missing: GateRule = { kind: 'min_score', metric: 'judge.tone', min: 0.8 }
    const result = evaluateRules(inputs([formatRule, missing], candidate, { kind: 'none' }))
    expect(result.rules.map((r) => r.verdict)).toEqual(['pass', 'inconclusive'])
    expect(result.rules[1]?.explanation).toMatch(/No scores for judge\.tone/)
  })

  it('compares a min_score above 1 with the mean on the metric’s own scale', () => {
    const rule: GateRule = { kind: 'min_score', metric: 'judge.quality', min: 4 }
    const candidate = slice({ 'judge.quality': likert([5, 4, 3, 5, 4, 2]) })
    const [outcome] = evaluateRules(inputs([rule], candidate, { kind: 'none' })).rules
    expect(outcome).toMatchObject({ label: 'judge.quality mean ≥ 4 on its scale', verdict: 'fail' })
    expect(outcome?.candidate).toBeCloseTo(23 / 6, 10)
    expect(outcome?.failingCases.map((c) => c.detail)).toEqual(['scored 3: scored 3', 'scored 2: scored 2'])
  })

  it('checks P95 latency, cost per interaction and error rate on the candidate', () => {
    const results = calls(100, 1000, 0.002)
    results[99] = {
      ...results[99],
      caseId: caseId(99),
      repeat: 0,
      error: true,
      cached: false,
      totalMs: null,
      costUsd: null,
    }
    for (let i = 90; i < 99; i++)
      results[i] = {
        caseId: caseId(i),
        repeat: 0,
        error: false,
        cached: false,
        totalMs: 9000,
        costUsd: 0.002,
      }
    const candidate = slice({}, results)
    const rules: GateRule[] = [
      { kind: 'max_p95_latency_ms', maxMs: 8000 },
      { kind: 'max_cost_per_interaction', maxUsd: 0.01 },
      { kind: 'max_error_rate', max: 0.02 },
    ]
    const result = evaluateRules(inputs(rules, candidate, { kind: 'none' }))
    expect(result.rules.map((r) => [r.label, r.verdict])).toEqual([
      ['P95 latency ≤ 8 s', 'fail'],
      ['cost per interaction ≤ $0.01', 'pass'],
      ['error rate ≤ 2 %', 'pass'],
    ])
    expect(result.rules[0]?.candidate).toBe(9000)
    expect(result.rules[1]?.explanation).toMatch(/1 call\(s\) without a known cost are left out/)
    expect(result.verdict).toBe('fail')
  })

  it('is inconclusive when the cost is unknown', () => {
    const candidate = slice({}, calls(10, 100, null))
    const [rule] = evaluateRules(
      inputs([{ kind: 'max_cost_per_interaction', maxUsd: 0.01 }], candidate, { kind: 'none' }),
    ).rules
    expect(rule?.verdict).toBe('inconclusive')
    expect(rule?.explanation).toMatch(/unknown/)
  })

  it('never passes a suite without gate rules', () => {
    expect(evaluateRules(inputs([], slice({}), { kind: 'none' })).verdict).toBe('inconclusive')
  })
})

describe('canary mode', () => {
  it('fails min_score on a sample only when the whole 95 % interval is below the minimum', () => {
    const oneBad = slice({ 'format.json_schema': passFail(withFailures(40, [3])) })
    const fourBad = slice({ 'format.json_schema': passFail(withFailures(40, [1, 2, 3, 4])) })
    const verdict = (evidence: typeof oneBad) =>
      evaluateRules(inputs([formatRule], evidence, { kind: 'none' }, 'canary')).rules[0]?.verdict
    expect(verdict(oneBad)).toBe('inconclusive')
    expect(verdict(fourBad)).toBe('fail')
  })
})

describe('failing cases are listed in the dataset order', () => {
  it('whatever order the scores were stored in (calls finish in any order)', () => {
    const scores = passFail(withFailures(20, [13, 1, 17, 5]))
    const shuffled = [...scores].reverse()
    const keys = new Map(scores.map((s) => [s.caseId, `tkt-${s.caseId.slice(5)}`]))
    const rule: GateRule = { kind: 'min_score', metric: 'format.json_schema', min: 0.99 }
    const result = evaluateRules({
      ...inputs([rule], slice({ 'format.json_schema': shuffled }), { kind: 'none' }),
      caseKeys: keys,
    })
    expect(result.rules[0]?.failingCases.map((c) => c.caseKey)).toEqual([
      'tkt-0001',
      'tkt-0005',
      'tkt-0013',
      'tkt-0017',
    ])
  })
})
