import { describe, expect, it } from 'vitest'
import { ruleScorer, type Rule } from '../../../../electron/main/core/scoring/scorers/rules'
import type { ScorerInput } from '../../../../electron/main/core/scoring/scorers/types'
import { ruleSchema } from '../../../../shared/domain/scoring'

const rule = (value: unknown): Rule => ruleSchema.parse(value)

const on = (output: string | null, expected: Record<string, unknown> = {}): ScorerInput => ({
  output,
  failure: output === null ? 'rate limited' : null,
  case: { expected },
})

const unscoredBecause = (reason: string) => ({ value: null, raw: null, passed: null, reason })

describe('rule: not_contains', () => {
  const noApology = ruleScorer(rule({ op: 'not_contains', expectedField: 'forbidden' }))

  it('passes when the forbidden text is absent and fails, naming it, when it is there (any case)', () => {
    expect(noApology(on('Your parcel ships Monday.', { forbidden: 'sorry' }))).toMatchObject({
      value: 1,
      passed: true,
      reason: 'the output does not contain "sorry"',
    })
    expect(noApology(on('SORRY for the wait.', { forbidden: 'sorry' }))).toMatchObject({
      value: 0,
      passed: false,
      reason: 'the output contains "sorry"',
    })
  })

  it('respects ignoreCase: false, and compares a JSON field with a literal', () => {
    const strict = ruleScorer(rule({ op: 'not_contains', value: 'SKU', ignoreCase: false }))
    expect(strict(on('the sku is 12')).passed).toBe(true)
    const field = ruleScorer(rule({ op: 'not_contains', path: 'reply', value: 'refund' }))
    expect(field(on('{"reply": "A refund is on its way"}')).passed).toBe(false)
    expect(field(on('{"answer": "ok"}'))).toMatchObject({
      passed: false,
      reason: 'The output has no "reply"',
    })
  })

  it('treats composed and decomposed accents as the same text', () => {
    const decomposed = 'Cafe\u0301 closed' // e + combining acute
    const forbidden = ruleScorer(rule({ op: 'not_contains', value: 'café' }))
    expect(forbidden(on(decomposed)).passed).toBe(false)
    const upper = ruleScorer(rule({ op: 'not_contains', value: 'ÉCHEC' }))
    expect(upper(on('échec de paiement')).passed).toBe(false)
  })

  it('leaves a case with a missing, null or empty expected field unscored; fails a failed call', () => {
    expect(noApology(on('fine', {}))).toEqual(unscoredBecause('The case has no expected "forbidden"'))
    expect(noApology(on('fine', { forbidden: null })).passed).toBeNull()
    expect(noApology(on('fine', { forbidden: '' })).passed).toBeNull()
    expect(noApology(on('all fine', { forbidden: ' ' }))).toEqual(
      unscoredBecause('The expected text is only whitespace'),
    )
    expect(noApology(on(null, { forbidden: 'sorry' }))).toMatchObject({
      value: 0,
      passed: false,
      reason: 'The call failed: rate limited',
    })
  })

  it('passes an empty output (it contains nothing)', () => {
    expect(noApology(on('', { forbidden: 'sorry' })).passed).toBe(true)
  })
})

describe('rule: starts_with and ends_with', () => {
  const greeting = ruleScorer(rule({ op: 'starts_with', expectedField: 'greeting' }))
  const signOff = ruleScorer(rule({ op: 'ends_with', value: '— Ana, Support' }))

  it('checks the trimmed output against the trimmed expected text', () => {
    expect(greeting(on('\n  Hello Priya, thanks for writing.', { greeting: 'hello priya ' }))).toMatchObject({
      passed: true,
      reason: 'the output starts with "hello priya"',
    })
    expect(greeting(on('Hi Priya', { greeting: 'Hello' }))).toMatchObject({
      passed: false,
      reason: 'the output does not start with "Hello": "Hi Priya"',
    })
    expect(signOff(on('We fixed it.\n— Ana, Support\n')).passed).toBe(true)
    expect(signOff(on('We fixed it.'))).toMatchObject({
      passed: false,
      reason: 'the output does not end with "— Ana, Support": "We fixed it."',
    })
  })

  it('handles emoji and other scripts, and a JSON field', () => {
    const emoji = ruleScorer(rule({ op: 'ends_with', value: '🎉' }))
    expect(emoji(on('Order shipped 🎉')).passed).toBe(true)
    expect(emoji(on('Order shipped 👍')).passed).toBe(false)
    const title = ruleScorer(rule({ op: 'starts_with', path: 'title', value: 'Заказ' }))
    expect(title(on('{"title": "заказ №42 отправлен"}')).passed).toBe(true)
    const strict = ruleScorer(rule({ op: 'starts_with', path: 'title', value: 'Заказ', ignoreCase: false }))
    expect(strict(on('{"title": "заказ №42 отправлен"}')).passed).toBe(false)
  })

  it('fails an empty output, leaves a whitespace-only expectation unscored, fails a failed call', () => {
    expect(greeting(on('', { greeting: 'Hello' })).passed).toBe(false)
    expect(greeting(on('Hello', { greeting: '   ' }))).toEqual(
      unscoredBecause('The expected text is only whitespace'),
    )
    expect(signOff(on(null)).reason).toBe('The call failed: rate limited')
  })
})

describe('rule: one_of', () => {
  const queue = ruleScorer(rule({ op: 'one_of', path: 'queue', expectedField: 'queues' }))
  const out = (q: unknown): string => JSON.stringify({ queue: q })

  it('reads the allowed values from a JSON list, a|b|c text, a real list or one value', () => {
    expect(queue(on(out('billing'), { queues: '["billing", "refunds"]' })).passed).toBe(true)
    expect(queue(on(out('Refunds '), { queues: 'billing | refunds|tech' })).passed).toBe(true)
    expect(queue(on(out('tech'), { queues: ['billing', 'tech'] })).passed).toBe(true)
    expect(queue(on(out('billing'), { queues: 'billing' })).passed).toBe(true)
    expect(queue(on(out(2), { queues: '[1, 2, 3]' })).passed).toBe(true)
    expect(queue(on(out('sales'), { queues: 'billing|refunds' }))).toMatchObject({
      value: 0,
      passed: false,
      reason: 'queue is "sales", not one of "billing", "refunds"',
    })
  })

  it('takes the rule’s own values, case-sensitive when asked', () => {
    const sentiment = ruleScorer(rule({ op: 'one_of', values: ['positive', 'neutral', 'negative'] }))
    expect(sentiment(on('Neutral\n')).passed).toBe(true)
    expect(sentiment(on('mixed')).passed).toBe(false)
    const sizes = ruleScorer(rule({ op: 'one_of', values: Array.from({ length: 40 }, (_, i) => `s${i}`) }))
    expect(sizes(on('xl')).reason).toBe(
      'the output is "xl", not one of "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9"… (40 in all)',
    )
    const strict = ruleScorer(rule({ op: 'one_of', values: ['Oui', 'Non'], ignoreCase: false }))
    expect(strict(on('oui')).passed).toBe(false)
    expect(strict(on('Oui')).passed).toBe(true)
  })

  it('matches unicode values in either normal form', () => {
    const city = ruleScorer(rule({ op: 'one_of', values: ['Zürich', 'Genève'] }))
    expect(city(on('Gene\u0300ve')).passed).toBe(true)
    expect(city(on('ZÜRICH')).passed).toBe(true)
  })

  it('fails an object or list output, an empty output and a failed call', () => {
    expect(queue(on(out(['billing']), { queues: 'billing|tech' })).reason).toBe(
      'queue is ["billing"], not a single value (allowed: "billing", "tech")',
    )
    const whole = ruleScorer(rule({ op: 'one_of', values: ['yes', 'no'] }))
    expect(whole(on('')).passed).toBe(false)
    expect(whole(on(null)).reason).toBe('The call failed: rate limited')
  })

  it('leaves a case unscored when its list is missing, empty or unreadable', () => {
    expect(queue(on(out('billing'), {})).passed).toBeNull()
    expect(queue(on(out('billing'), { queues: ' | ' }))).toEqual(
      unscoredBecause('The case\'s expected "queues" lists no values'),
    )
    expect(queue(on(out('billing'), { queues: '[billing, tech]' }))).toEqual(
      unscoredBecause('The case\'s expected "queues" starts with "[" but is not a JSON list'),
    )
    expect(queue(on(out('billing'), { queues: '[{"a": 1}]' })).passed).toBeNull()
  })
})

describe('rule: json_field', () => {
  const hasRefund = ruleScorer(rule({ op: 'json_field', path: 'refund.amount', present: true }))
  const noSecret = ruleScorer(rule({ op: 'json_field', path: 'internal_note', present: false }))

  it('present: the field is there, null included; a missing step fails', () => {
    expect(hasRefund(on('{"refund": {"amount": 12.5}}'))).toMatchObject({ passed: true, value: 1 })
    expect(hasRefund(on('{"refund": {"amount": null}}')).passed).toBe(true)
    expect(hasRefund(on('{"refund": null}'))).toMatchObject({
      passed: false,
      reason: 'The output has no "refund.amount"',
    })
    const item = ruleScorer(rule({ op: 'json_field', path: 'items.1', present: true }))
    expect(item(on('{"items": ["a", "b"]}')).passed).toBe(true)
    expect(item(on('{"items": ["a"]}')).passed).toBe(false)
  })

  it('absent: passes without the field, fails with it (even when null)', () => {
    expect(noSecret(on('{"reply": "done"}'))).toMatchObject({ passed: true })
    expect(noSecret(on('{"reply": "done", "internal_note": null}'))).toMatchObject({
      passed: false,
      reason: 'The output has "internal_note" (null), which must be absent',
    })
  })

  it('fails output that is not JSON (empty too) and a failed call, for either direction', () => {
    expect(noSecret(on('Sure! {"reply": "done"}')).reason).toMatch(
      /^The output is not JSON \(.+\), so "internal_note" cannot be checked$/,
    )
    expect(noSecret(on('')).passed).toBe(false)
    expect(hasRefund(on(null))).toMatchObject({ passed: false, reason: 'The call failed: rate limited' })
  })

  it('reads unicode keys', () => {
    const key = ruleScorer(rule({ op: 'json_field', path: 'größe', present: true }))
    expect(key(on('{"größe": "M"}')).passed).toBe(true)
  })
})
