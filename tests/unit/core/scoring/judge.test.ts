import { describe, expect, it } from 'vitest'
import { combineSamples, median, parseJudgeAnswer } from '../../../../electron/main/core/scoring/judge/answer'
import { judgeMarker, judgeMessages } from '../../../../electron/main/core/scoring/judge/prompt'
import { scorerFingerprint } from '../../../../electron/main/core/scoring/fingerprint'
import { normalise } from '../../../../electron/main/core/scoring/scale'
import { rubricCriterionSchema, rubricScaleSchema, type RubricScale } from '../../../../shared/domain/scoring'

const passFail: RubricScale = { type: 'pass_fail' }
const likert = rubricScaleSchema.parse({
  type: 'likert',
  min: 1,
  max: 5,
  labels: { '1': 'Dangerous', '5': 'Exact' },
})
const labels: RubricScale = { type: 'labels', labels: ['rude', 'neutral', 'empathetic'] }

describe('the judge prompt', () => {
  const criterion = rubricCriterionSchema.parse({
    key: 'priority_reasonable',
    name: 'Priority is reasonable',
    scale: likert,
    guidance: 'Compare against the triage guide, not your gut.',
  })
  const [system, user] = judgeMessages({
    rubric: {
      key: 'triage-quality',
      name: 'Triage quality',
      version: 2,
      description: 'For the triage pipeline.',
    },
    criterion,
    vars: { subject: 'Site down', body: 'Nothing loads since 9am.' },
    expected: { priority: 'p1' },
    output: '{"priority":"p3"}',
  })

  it('is built from the rubric criterion: name, key, scale with labels and guidance, and asks for JSON', () => {
    expect(system?.role).toBe('system')
    const text = system?.content ?? ''
    expect(text.startsWith(judgeMarker)).toBe(true)
    expect(text).toContain('Rubric: Triage quality (triage-quality v2)')
    expect(text).toContain('Criterion: Priority is reasonable')
    expect(text).toContain('Criterion key: priority_reasonable')
    expect(text).toContain('an integer from 1 (worst) to 5 (best)')
    expect(text).toContain('  1 = Dangerous\n  5 = Exact')
    expect(text).toContain('Compare against the triage guide, not your gut.')
    expect(text).toContain('{"score": …, "reason": "…"}')
    expect(text).toContain('"score" is an integer from 1 to 5.')
  })

  it('shows the case input, the expected fields and the output, each in its own tags', () => {
    expect(user?.role).toBe('user')
    expect(user?.content).toBe(
      [
        '<case_input>',
        '<subject>\nSite down\n</subject>',
        '<body>\nNothing loads since 9am.\n</body>',
        '</case_input>',
        '<expected>\n{\n  "priority": "p1"\n}\n</expected>',
        '<output>\n{"priority":"p3"}\n</output>',
      ].join('\n'),
    )
  })

  it("shows a conversation case's turns and an answer's tool calls as text, so a tool-only answer is not empty", () => {
    const [, withCalls] = judgeMessages({
      rubric: { key: 'routing', name: 'Routing', version: 1, description: '' },
      criterion,
      vars: { order: 'A-1' },
      conversation: [
        { role: 'user', content: 'Order {{order}} never came.' },
        { role: 'assistant', content: 'Sorry! Which address?' },
      ],
      expected: { queue: 'shipping' },
      output: '',
      toolCalls: [
        { id: 'toolu_01', name: 'route_ticket', arguments: '{"queue":"shipping"}' },
        { id: 'toolu_02', name: 'add_note', arguments: 'lost <b>parcel</b>' },
      ],
    })
    expect(withCalls?.content).toBe(
      [
        '<case_input>',
        '<order>\nA-1\n</order>',
        '</case_input>',
        '<conversation>',
        'user: Order {{order}} never came.',
        'assistant: Sorry! Which address?',
        '</conversation>',
        '<expected>\n{\n  "queue": "shipping"\n}\n</expected>',
        '<output>\n\n</output>',
        '<tool_calls>',
        '#1 route_ticket\n{\n  "queue": "shipping"\n}',
        '',
        '#2 add_note (arguments are not JSON)\nlost <b>parcel</b>',
        '</tool_calls>',
      ].join('\n'),
    )
    // The provider's call ids are not shown: they say nothing about the answer's quality.
    expect(withCalls?.content).not.toContain('toolu_')
  })
})

describe('parsing a judge answer', () => {
  it('reads pass/fail words, booleans and 0/1', () => {
    for (const score of ['pass', 'PASS', true, 1, 'yes'])
      expect(parseJudgeAnswer(JSON.stringify({ score, reason: 'r' }), passFail)).toEqual({
        ok: true,
        raw: 1,
        reason: 'r',
      })
    for (const score of ['fail', false, 0])
      expect(parseJudgeAnswer(JSON.stringify({ score, reason: 'r' }), passFail)).toMatchObject({ raw: 0 })
  })

  it('reads likert integers on the scale and refuses others', () => {
    expect(parseJudgeAnswer('{"score": 4, "reason": "close"}', likert)).toEqual({
      ok: true,
      raw: 4,
      reason: 'close',
    })
    expect(parseJudgeAnswer('{"score": "2", "reason": ""}', likert)).toMatchObject({ raw: 2 })
    expect(parseJudgeAnswer('{"score": 6, "reason": ""}', likert)).toEqual({
      ok: false,
      error: "The judge's score 6 is not on the criterion's scale",
    })
    expect(parseJudgeAnswer('{"score": 3.5, "reason": ""}', likert).ok).toBe(false)
  })

  it('reads labels by name (any case) or index', () => {
    expect(parseJudgeAnswer('{"score": "Empathetic", "reason": ""}', labels)).toMatchObject({ raw: 2 })
    expect(parseJudgeAnswer('{"score": 0, "reason": ""}', labels)).toMatchObject({ raw: 0 })
    expect(parseJudgeAnswer('{"score": "warm", "reason": ""}', labels).ok).toBe(false)
  })

  it('takes the JSON out of a code fence, and refuses prose or a missing score', () => {
    expect(parseJudgeAnswer('```json\n{"score": 5, "reason": "exact"}\n```', likert)).toMatchObject({
      raw: 5,
    })
    expect(parseJudgeAnswer('Looks fine to me', likert)).toMatchObject({ ok: false })
    expect(parseJudgeAnswer('{"reason": "no score"}', likert)).toEqual({
      ok: false,
      error: 'The judge answer has no "score" and "reason"',
    })
  })
})

describe('normalising to 0..1', () => {
  it('pass = 1, likert (raw − min)/(max − min), labels index/(count − 1)', () => {
    expect(normalise(passFail, 1)).toEqual({ value: 1, raw: 1, passed: true })
    expect(normalise(passFail, 0)).toEqual({ value: 0, raw: 0, passed: false })
    expect(normalise(likert, 4)).toEqual({ value: 0.75, raw: 4, passed: null })
    expect(normalise(likert, 1)).toEqual({ value: 0, raw: 1, passed: null })
    expect(normalise(labels, 1)).toEqual({ value: 0.5, raw: 1, passed: null })
  })
})

describe('combining samples of a noisy judge', () => {
  const ok = (raw: number, reason = `said ${raw}`) => ({ ok: true as const, raw, reason })
  const failed = { ok: false as const, error: 'timeout' }

  it('takes the median on ordinal scales', () => {
    expect(median([5, 3, 4])).toBe(4)
    expect(median([2, 5])).toBe(3.5)
    const score = combineSamples(likert, [ok(5), ok(3), ok(4)])
    expect(score).toMatchObject({ raw: 4, value: 0.75, passed: null })
    expect(score.reason).toBe('Median of 3 samples: 4. said 4')
    expect(score.details?.['samples']).toHaveLength(3)
  })

  it('takes the majority on pass/fail; a tie fails', () => {
    expect(combineSamples(passFail, [ok(1), ok(0), ok(1)])).toMatchObject({ raw: 1, passed: true })
    expect(combineSamples(passFail, [ok(1), ok(0)])).toMatchObject({ raw: 0, passed: false })
    expect(combineSamples(passFail, [ok(1), ok(0), ok(1)]).reason).toMatch(/^2 of 3 samples pass\. /)
  })

  it('leaves failed samples out, and a judge that failed every time unscored and marked for retry', () => {
    expect(combineSamples(likert, [ok(2), failed, ok(4)])).toMatchObject({ raw: 3, value: 0.5 })
    const none = combineSamples(likert, [failed, failed])
    expect(none).toMatchObject({ value: null, raw: null, passed: null, reason: 'The judge failed: timeout' })
    expect(none.details?.['retry']).toBe(true)
  })

  it('keeps one sample as it is, without a prefix', () => {
    expect(combineSamples(labels, [ok(2, 'warm and specific')])).toMatchObject({
      raw: 2,
      value: 1,
      reason: 'warm and specific',
    })
  })
})

describe('scorer fingerprints', () => {
  const format = { config: { kind: 'format' as const, format: { check: 'json' as const } } }
  const judge = {
    config: {
      kind: 'judge' as const,
      rubricId: 'rub_1',
      criterionKey: 'tone',
      model: { provider: 'demo', model: 'triage-sim-2026-03' },
      samples: 1,
    },
  }

  it('depend on the config only, whatever the key order', () => {
    const reordered = {
      config: {
        samples: 1,
        model: { model: 'triage-sim-2026-03', provider: 'demo' },
        criterionKey: 'tone',
        rubricId: 'rub_1',
        kind: 'judge' as const,
      },
    }
    expect(scorerFingerprint(judge, { id: 'rub_1', version: 1 })).toBe(
      scorerFingerprint(reordered, { id: 'rub_1', version: 1 }),
    )
    expect(scorerFingerprint(format)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('change with the config or the rubric version', () => {
    const base = scorerFingerprint(judge, { id: 'rub_1', version: 1 })
    expect(
      scorerFingerprint({ config: { ...judge.config, samples: 3 } }, { id: 'rub_1', version: 1 }),
    ).not.toBe(base)
    expect(scorerFingerprint(judge, { id: 'rub_1', version: 2 })).not.toBe(base)
  })
})
