import { describe, expect, it } from 'vitest'
import { ruleScorer, sameValue, type Rule } from '../../../../electron/main/core/scoring/scorers/rules'
import type { ScorerInput } from '../../../../electron/main/core/scoring/scorers/types'
import { ruleSchema } from '../../../../shared/domain/scoring'

const rule = (value: unknown): Rule => ruleSchema.parse(value)

const on = (output: string | null, expected: Record<string, unknown> = {}): ScorerInput => ({
  output,
  failure: output === null ? 'timeout' : null,
  case: { expected },
})

const answer = JSON.stringify({
  category: 'Billing ',
  priority: 'p2',
  needs_human: true,
  score: 0.8,
  tags: ['a'],
})

describe('rule: equals', () => {
  it('compares an output field with the expected field, trimmed and case-insensitive by default', () => {
    const category = ruleScorer(rule({ op: 'equals', path: 'category', expectedField: 'category' }))
    expect(category(on(answer, { category: 'billing' }))).toMatchObject({ value: 1, passed: true })
    const wrong = category(on(answer, { category: 'bug' }))
    expect(wrong).toMatchObject({ value: 0, passed: false, reason: 'category is "Billing ", expected "bug"' })
  })

  it('respects ignoreCase: false', () => {
    const strict = ruleScorer(
      rule({ op: 'equals', path: 'category', expectedField: 'category', ignoreCase: false }),
    )
    expect(strict(on(answer, { category: 'billing' })).passed).toBe(false)
  })

  it('matches a JSON boolean with a "true" typed into a spreadsheet, and compares arrays structurally', () => {
    expect(sameValue(true, 'true', true)).toBe(true)
    expect(sameValue(3, '3', true)).toBe(true)
    expect(sameValue(['a'], ['a'], true)).toBe(true)
    expect(sameValue(['a'], ['b'], true)).toBe(false)
    const flag = ruleScorer(rule({ op: 'equals', path: 'needs_human', expectedField: 'needs_human' }))
    expect(flag(on(answer, { needs_human: 'true' })).passed).toBe(true)
  })

  it('leaves a case without the expected field unscored instead of failing it', () => {
    const category = ruleScorer(rule({ op: 'equals', path: 'category', expectedField: 'category' }))
    expect(category(on(answer, { priority: 'p2' }))).toEqual({
      value: null,
      raw: null,
      passed: null,
      reason: 'The case has no expected "category"',
    })
  })

  it('compares with a literal when no expected field is named', () => {
    const literal = ruleScorer(rule({ op: 'equals', path: 'priority', value: 'P2' }))
    expect(literal(on(answer)).passed).toBe(true)
  })

  it('fails a missing output field, output that is not JSON, and a failed call', () => {
    const missing = ruleScorer(rule({ op: 'equals', path: 'sentiment', expectedField: 'sentiment' }))
    expect(missing(on(answer, { sentiment: 'neutral' }))).toMatchObject({
      passed: false,
      reason: 'The output has no "sentiment"',
    })
    expect(missing(on('Sure! {"sentiment": "neutral"}', { sentiment: 'neutral' })).reason).toBe(
      'The output is not JSON, so it has no "sentiment"',
    )
    expect(missing(on(null, { sentiment: 'neutral' }))).toMatchObject({
      value: 0,
      reason: 'The call failed: timeout',
    })
  })
})

describe('rule: contains, regex and range', () => {
  it('contains: the whole output text (empty path) holds the expected text', () => {
    const contains = ruleScorer(rule({ op: 'contains', expectedField: 'must_mention' }))
    expect(contains(on('We will REFUND you today.', { must_mention: 'refund' })).passed).toBe(true)
    expect(contains(on('We will look into it.', { must_mention: 'refund' })).reason).toBe(
      'the output does not contain "refund"',
    )
  })

  it('contains: an array field holds the value', () => {
    const tags = ruleScorer(rule({ op: 'contains', path: 'tags', value: 'a' }))
    expect(tags(on(answer)).passed).toBe(true)
  })

  it('regex: a field or the whole text matches', () => {
    const priority = ruleScorer(rule({ op: 'regex', path: 'priority', pattern: '^p[12]$' }))
    expect(priority(on(answer)).passed).toBe(true)
    const text = ruleScorer(rule({ op: 'regex', pattern: 'sorry', flags: 'i' }))
    expect(text(on('No luck')).passed).toBe(false)
  })

  it('range: numbers and numeric strings within [min, max], anything else fails', () => {
    const score = ruleScorer(rule({ op: 'range', path: 'score', min: 0.5, max: 1 }))
    expect(score(on(answer))).toMatchObject({ passed: true, reason: 'score is 0.8, within [0.5, 1]' })
    expect(score(on('{"score": "0.3"}')).reason).toBe('score is 0.3, below the minimum 0.5')
    expect(score(on('{"score": 2}')).reason).toBe('score is 2, above the maximum 1')
    expect(score(on('{"score": "high"}')).reason).toBe('score is "high", not a number')
    const open = ruleScorer(rule({ op: 'range', path: 'score', min: null, max: 10 }))
    expect(open(on('{"score": -5}')).passed).toBe(true)
  })
})
