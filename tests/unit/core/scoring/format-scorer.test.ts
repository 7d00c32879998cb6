import { describe, expect, it } from 'vitest'
import { formatScorer, measure } from '../../../../electron/main/core/scoring/scorers/format'
import type { ScorerInput } from '../../../../electron/main/core/scoring/scorers/types'

const input = (output: string | null, failure: string | null = null): ScorerInput => ({
  output,
  failure,
  case: { expected: {} },
})

const triageSchema = {
  type: 'object',
  properties: {
    category: { type: 'string', enum: ['billing', 'bug'] },
    priority: { type: 'string', enum: ['p1', 'p2', 'p3', 'p4'] },
    needs_human: { type: 'boolean' },
  },
  required: ['category', 'priority', 'needs_human'],
  additionalProperties: false,
}

describe('format: json', () => {
  const json = formatScorer({ check: 'json' })

  it('passes JSON and fails prose, with the parser message as the reason', () => {
    expect(json(input('{"a": 1}'))).toMatchObject({ value: 1, raw: 1, passed: true })
    const prose = json(input('Here is the triage: {"a": 1}'))
    expect(prose).toMatchObject({ value: 0, raw: 0, passed: false })
    expect(prose.reason).toMatch(/^The output is not valid JSON: /)
  })

  it('fails a failed call as a failed interaction, saying why', () => {
    expect(json(input(null, 'HTTP 500 after 4 attempts'))).toEqual({
      value: 0,
      raw: 0,
      passed: false,
      reason: 'The call failed: HTTP 500 after 4 attempts',
    })
  })
})

describe('format: json_schema (ajv)', () => {
  const schema = formatScorer({ check: 'json_schema', schema: triageSchema })

  it('passes a conforming object', () => {
    const ok = schema(input('{"category":"bug","priority":"p2","needs_human":false}'))
    expect(ok).toMatchObject({ value: 1, passed: true, reason: 'The output matches the JSON Schema' })
  })

  it('lists every violation with its path, like ajv says it', () => {
    const bad = schema(input('{"category":"bug","priority":"urgent","extra":1}'))
    expect(bad.passed).toBe(false)
    expect(bad.reason).toContain('/priority must be equal to one of the allowed values')
    expect(bad.reason).toContain("must have required property 'needs_human'")
    expect(bad.reason).toContain('must NOT have additional properties ("extra")')
    expect(bad.details?.['errors']).toHaveLength(3)
  })

  it('checks types and nested paths', () => {
    const nested = formatScorer({
      check: 'json_schema',
      schema: {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: { type: 'object', properties: { n: { type: 'integer', minimum: 1 } } },
          },
        },
      },
    })
    expect(nested(input('{"items":[{"n":1},{"n":0}]}')).reason).toContain('/items/1/n must be >= 1')
    expect(nested(input('{"items":"none"}')).reason).toContain('/items must be array')
  })

  it('fails output that is not JSON before validating', () => {
    expect(schema(input('not json')).reason).toMatch(/^The output is not valid JSON/)
  })

  it('leaves outputs unscored when the schema itself cannot compile', () => {
    const broken = formatScorer({ check: 'json_schema', schema: { type: 'no-such-type' } })
    expect(broken(input('{}'))).toMatchObject({ value: null, passed: null })
    expect(broken(input('{}')).reason).toMatch(/JSON Schema of this check is invalid/)
  })
})

describe('format: regex', () => {
  it('matches the whole output text with the given flags, the same way every time', () => {
    const regex = formatScorer({ check: 'regex', pattern: '^ticket-\\d+$', flags: 'gi' })
    expect(regex(input('TICKET-42')).passed).toBe(true)
    // A global regex keeps lastIndex between calls; the scorer must not.
    expect(regex(input('TICKET-42')).passed).toBe(true)
    const miss = regex(input('ticket 42'))
    expect(miss).toMatchObject({ passed: false, reason: 'The output does not match /^ticket-\\d+$/gi' })
  })
})

describe('format: length', () => {
  it('counts words as runs of non-space characters and characters as code points', () => {
    expect(measure('  one two\tthree\nfour  ', 'words')).toBe(4)
    expect(measure('   ', 'words')).toBe(0)
    expect(measure('héllo 👋', 'chars')).toBe(7)
  })

  it('fails outside the bounds with the measured size in the reason', () => {
    const words = formatScorer({ check: 'length', unit: 'words', min: 2, max: 4 })
    expect(words(input('just one'))).toMatchObject({ passed: true })
    expect(words(input('one'))).toMatchObject({ passed: false, reason: '1 words, fewer than the minimum 2' })
    expect(words(input('a b c d e'))).toMatchObject({
      passed: false,
      reason: '5 words, more than the maximum 4',
    })
    const chars = formatScorer({ check: 'length', unit: 'chars', min: null, max: 5 })
    expect(chars(input('12345')).passed).toBe(true)
    expect(chars(input('123456')).reason).toBe('6 chars, more than the maximum 5')
  })
})
