import { describe, expect, it } from 'vitest'
import { ruleScorer, type Rule } from '../../../../electron/main/core/scoring/scorers/rules'
import type { ScorerInput } from '../../../../electron/main/core/scoring/scorers/types'
import { ruleSchema } from '../../../../shared/domain/scoring'

const rule = (value: unknown): Rule => ruleSchema.parse(value)

const on = (output: string | null, expected: Record<string, unknown> = {}): ScorerInput => ({
  output,
  failure: output === null ? 'HTTP 503' : null,
  case: { expected },
})

describe('rule: numeric_close', () => {
  const total = ruleScorer(
    rule({ op: 'numeric_close', path: 'total', expectedField: 'total', tolerance: 0.1 }),
  )
  const answer = (t: unknown): string => JSON.stringify({ total: t })

  it('passes within an absolute tolerance (a difference equal to it included) and fails beyond it', () => {
    expect(total(on(answer(1.1), { total: '1.0' }))).toMatchObject({
      value: 1,
      passed: true,
      reason: 'total is 1.1, within 0.1 of 1',
      details: { actual: 1.1, expected: 1, allowed: 0.1 },
    })
    expect(total(on(answer('0.9'), { total: 1 })).passed).toBe(true)
    expect(total(on(answer(1.2), { total: 1 }))).toMatchObject({
      value: 0,
      passed: false,
      reason: 'total is 1.2, off by 0.2 from 1 (allowed 0.1)',
    })
  })

  it('a relative tolerance is a share of the expected number', () => {
    const price = ruleScorer(rule({ op: 'numeric_close', value: 200, tolerance: 0.05, relative: true }))
    expect(price(on('210')).passed).toBe(true)
    expect(price(on('189.5'))).toMatchObject({
      passed: false,
      reason: 'the output is 189.5, off by 10.5 from 200 (allowed 5 %)',
    })
    const exact = ruleScorer(rule({ op: 'numeric_close', value: -3 }))
    expect(exact(on(' -3.0\n')).passed).toBe(true)
    expect(exact(on('-3.0001')).passed).toBe(false)
  })

  it('reads numbers strictly: text around a number, separators, hex and Infinity fail with the reason', () => {
    const count = ruleScorer(rule({ op: 'numeric_close', value: 16 }))
    expect(count(on('1.6e1')).passed).toBe(true)
    for (const text of ['16 items', '$16', '1,6', '0x10', 'Infinity', '', '   ', 'sixteen', '١٦']) {
      expect(count(on(text))).toMatchObject({
        value: 0,
        passed: false,
        reason: `the output is ${JSON.stringify(text)}, not a number`,
      })
    }
    expect(total(on(answer(null), { total: 1 })).reason).toBe('total is null, not a number')
    expect(total(on(answer(true), { total: 1 })).passed).toBe(false)
  })

  it('leaves a case unscored when its expected number is missing or is not a number', () => {
    expect(total(on(answer(1), {}))).toMatchObject({ value: null, passed: null })
    expect(total(on(answer(1), { total: 'about 1' }))).toEqual({
      value: null,
      raw: null,
      passed: null,
      reason: 'The expected value "about 1" is not a number',
    })
  })

  it('fails a failed call and output that is not JSON', () => {
    expect(total(on(null, { total: 1 }))).toMatchObject({
      passed: false,
      reason: 'The call failed: HTTP 503',
    })
    expect(total(on('total: 1.0', { total: 1 })).reason).toBe('The output is not JSON, so it has no "total"')
  })
})

describe('rule: similarity', () => {
  const measured = (measure: string, min = 0.5) =>
    ruleScorer(rule({ op: 'similarity', measure, expectedField: 'reference', min }))
  const candidate = 'the cat sat on the mat'
  const reference = { reference: 'The cat is on the mat.' }

  it('ROUGE-L F1: raw is the measure, value and passed are the verdict at min', () => {
    // LCS of 5 words out of 6 on each side: precision = recall = F1 = 5/6.
    const outcome = measured('rouge_l', 0.8)(on(candidate, reference))
    expect(outcome).toMatchObject({ value: 1, passed: true, details: { measure: 'rouge_l', min: 0.8 } })
    expect(outcome.raw).toBeCloseTo(5 / 6, 12)
    expect(outcome.reason).toBe(
      'ROUGE-L F1 of the output to the expected text is 0.833, at least the minimum 0.8',
    )
    expect(measured('rouge_l', 0.9)(on(candidate, reference))).toMatchObject({ value: 0, passed: false })
  })

  it('Levenshtein ratio: 1 − distance / longer length', () => {
    const outcome = measured('levenshtein', 0.6)(on('kitten', { reference: 'sitting' }))
    expect(outcome.raw).toBeCloseTo(4 / 7, 12)
    expect(outcome).toMatchObject({ value: 0, passed: false })
    expect(outcome.reason).toBe(
      'Levenshtein ratio of the output to the expected text is 0.571, below the minimum 0.6',
    )
    expect(measured('levenshtein', 0.8)(on('Paris', { reference: 'Paris' })).raw).toBe(1)
  })

  it('a min the measure equals on paper passes (7/10 with min 0.7)', () => {
    const outcome = measured('levenshtein', 0.7)(on('abcdefghij', { reference: 'abcdefgxyz' }))
    expect(outcome.raw).toBeCloseTo(0.7, 12)
    expect(outcome.passed).toBe(true)
  })

  it('BLEU: standard sentence BLEU-4 with brevity penalty and method-1 smoothing', () => {
    // Clipped precisions 5/6, 3/5, 1/4 and no 4-gram (0.1/3); equal lengths, so no brevity penalty.
    const expected = ((5 / 6) * (3 / 5) * (1 / 4) * (0.1 / 3)) ** 0.25
    const outcome = measured('bleu', 0.25)(on(candidate, reference))
    expect(outcome.raw).toBeCloseTo(expected, 12)
    expect(outcome.passed).toBe(true)
    expect(measured('bleu', 0.9)(on(candidate, { reference: candidate })).raw).toBeCloseTo(1, 12)
  })

  it('Levenshtein counts characters (code points), not UTF-16 units', () => {
    const emoji = measured('levenshtein', 0.5)
    // One substitution out of one character: 0 (UTF-16 units would say one of two, 0.5, and pass).
    expect(emoji(on('👍', { reference: '👎' }))).toMatchObject({ raw: 0, passed: false })
    expect(emoji(on('ok 👍', { reference: 'ok 👎' })).raw).toBeCloseTo(3 / 4, 12)
    expect(emoji(on('東京都', { reference: '東京府' })).raw).toBeCloseTo(2 / 3, 12)
    expect(emoji(on('𝒜𝒷𝒸', { reference: '𝒜𝒷𝒸' })).raw).toBe(1)
  })

  it('compares text, not its encoding: a decomposed accent is no edit', () => {
    const outcome = measured('levenshtein', 1)(on('Cafe\u0301 crème', { reference: 'Café crème' }))
    expect(outcome).toMatchObject({ raw: 1, passed: true })
    const words = measured(
      'rouge_l',
      1,
    )(on('Zürich ist schön', { reference: 'zu\u0308rich ist scho\u0308n' }))
    expect(words.raw).toBeCloseTo(1, 12)
  })

  it('a JSON field against a literal', () => {
    const summary = ruleScorer(
      rule({ op: 'similarity', path: 'summary', measure: 'rouge_l', value: 'refund approved', min: 0.6 }),
    )
    expect(summary(on('{"summary": "Refund approved today"}'))).toMatchObject({ passed: true })
    expect(summary(on('{"note": "x"}')).reason).toBe('The output has no "summary"')
  })

  it('an empty output scores 0 and fails; a failed call fails; no expected text leaves it unscored', () => {
    for (const measure of ['levenshtein', 'rouge_l', 'bleu']) {
      expect(measured(measure)(on('', reference))).toMatchObject({ value: 0, raw: 0, passed: false })
      expect(measured(measure)(on(null, reference))).toMatchObject({
        value: 0,
        passed: false,
        reason: 'The call failed: HTTP 503',
      })
      expect(measured(measure)(on(candidate, {}))).toEqual({
        value: null,
        raw: null,
        passed: null,
        reason: 'The case has no expected "reference"',
      })
      expect(measured(measure)(on(candidate, { reference: ' \n ' })).passed).toBeNull()
    }
  })
})
