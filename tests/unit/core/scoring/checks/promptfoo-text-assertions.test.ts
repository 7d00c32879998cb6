import { describe, expect, it } from 'vitest'
import { checkPromptfooAssertion } from '../../../../../electron/main/core/scoring/checks'

// Cases copied from promptfoo/promptfoo test/assertions/contains.test.ts and equals.test.ts, plus the
// behaviour of src/assertions/startsWith.ts and regex.ts.
const check = checkPromptfooAssertion

describe('contains / icontains (promptfoo contains.test.ts)', () => {
  it('passes and fails with promptfoo’s reasons', () => {
    expect(check({ type: 'contains', value: 'world' }, 'hello world')).toEqual({
      status: 'scored',
      type: 'contains',
      pass: true,
      score: 1,
      reason: 'Assertion passed',
    })
    expect(check({ type: 'contains', value: 'universe' }, 'hello world')).toMatchObject({
      pass: false,
      score: 0,
      reason: 'Expected output to contain "universe"',
    })
  })

  it('not-contains inverts', () => {
    expect(check({ type: 'not-contains', value: 'universe' }, 'hello world').pass).toBe(true)
    expect(check({ type: 'not-contains', value: 'world' }, 'hello world')).toMatchObject({
      pass: false,
      reason: 'Expected output to not contain "world"',
    })
  })

  it('icontains ignores case on both sides', () => {
    expect(check({ type: 'icontains', value: 'WoRlD' }, 'Hello WORLD').pass).toBe(true)
    expect(check({ type: 'contains', value: 'WORLD' }, 'hello world').pass).toBe(false)
  })

  it('a number value is matched as text, 0 included; NaN and a missing value are errors', () => {
    expect(check({ type: 'contains', value: 0 }, 'There are 0 errors').pass).toBe(true)
    expect(check({ type: 'icontains', value: 0 }, 'no digits here')).toMatchObject({
      status: 'scored',
      pass: false,
      reason: 'Expected output to contain "0"',
    })
    expect(check({ type: 'contains', value: Number.NaN }, 'NaN')).toMatchObject({
      status: 'error',
      pass: false,
      reason: '"contains" assertion type must have a string or number value',
    })
    expect(check({ type: 'contains' }, 'hello')).toMatchObject({ status: 'error', pass: false })
    expect(check({ type: 'not-contains', value: '' }, 'hello')).toMatchObject({
      status: 'error',
      pass: false,
    })
  })
})

describe('contains-any / contains-all and their i- forms (promptfoo contains.test.ts)', () => {
  it.each([
    [['world', 'universe'], 'hello world', true],
    ['world,universe', 'hello world', true],
    ['"hello, world",universe', 'hello, world', true],
    ['"hello, dear world", "goodbye, universe", simple', 'hello, dear world is here', true],
    ['"",', '', true],
    ['"hello, world"\t,foo', 'zzz', false],
    ['"hello, world"\t,\t"foo"', 'foo', true],
    ['"a""b",c', 'a"b', true],
    ['"a""b",c', 'b', false],
    ['"hello\\"world,test", "another,test"', 'hello"world,test', true],
    ['"hello\\"world,test", "another,test"', 'another,test', true],
    ['"hello\\"world,test", "another,test"', 'something completely different', false],
    ['""', 'test', true],
    ['"test\\\\test"', 'test\\test', true],
  ])('contains-any %j on %j → %s', (value, output, pass) => {
    expect(check({ type: 'contains-any', value }, output)).toMatchObject({ status: 'scored', pass })
  })

  it.each([
    ['"test', 'Unterminated quoted field in contains assertion value'],
    ['"hello"world', 'Expected comma after quoted field in contains assertion value'],
    ['"hello" world', 'Expected comma after quoted field in contains assertion value'],
  ])('malformed list %j is an error, never a pass', (value, reason) => {
    expect(check({ type: 'contains-any', value }, 'hello world')).toMatchObject({
      status: 'error',
      pass: false,
      reason,
    })
  })

  it('icontains-any ignores case', () => {
    const value = '"hello\\"world,test", "another,test"'
    expect(check({ type: 'icontains-any', value }, 'ANOTHER,TEST').pass).toBe(true)
    expect(check({ type: 'contains-any', value }, 'ANOTHER,TEST').pass).toBe(false)
  })

  it('contains-all lists what is missing; an empty list passes as in promptfoo', () => {
    expect(check({ type: 'contains-all', value: ['hello', 'world', 'moon'] }, 'hello world')).toMatchObject({
      pass: false,
      reason: 'Expected output to contain all of [hello, world, moon]. Missing: [moon]',
    })
    expect(check({ type: 'icontains-all', value: 'HELLO, World' }, 'hello world').pass).toBe(true)
    expect(check({ type: 'contains-all', value: [] }, 'anything').pass).toBe(true)
    expect(check({ type: 'not-contains-all', value: ['hello', 'moon'] }, 'hello world').pass).toBe(true)
    expect(check({ type: 'not-icontains-any', value: ['MOON', 'sun'] }, 'hello world').pass).toBe(true)
  })

  it('numbers in a list are matched as text', () => {
    expect(check({ type: 'contains-any', value: [42, 'x'] }, 'the answer is 42').pass).toBe(true)
  })
})

describe('equals (promptfoo equals.test.ts)', () => {
  it.each([
    ['equals', 'hello world', 'hello world', true],
    ['equals', 'goodbye world', 'hello world', false],
    ['not-equals', 'hello world', 'hello world', false],
    ['not-equals', 'goodbye world', 'hello world', true],
  ])('%s %j vs %j → %s', (type, value, output, pass) => {
    expect(check({ type, value }, output).pass).toBe(pass)
  })

  it('an object value deep-equals the parsed output; non-JSON output fails equals, passes not-equals', () => {
    expect(check({ type: 'equals', value: { foo: 'bar' } }, '{"foo":"bar"}').pass).toBe(true)
    expect(check({ type: 'equals', value: { foo: 'bar' } }, '{"foo":"baz"}').pass).toBe(false)
    expect(check({ type: 'equals', value: { foo: 'bar' } }, 'hello world').pass).toBe(false)
    expect(check({ type: 'not-equals', value: { foo: 'bar' } }, 'hello world').pass).toBe(true)
    expect(check({ type: 'equals', value: [1, 2] }, ' [1, 2] ').pass).toBe(true)
  })

  it('is exact: no trimming, no case folding', () => {
    expect(check({ type: 'equals', value: 'Paris' }, 'Paris\n').pass).toBe(false)
    expect(check({ type: 'equals', value: 'Paris' }, 'paris').pass).toBe(false)
    expect(check({ type: 'equals', value: 42 }, '42').pass).toBe(true)
  })

  it('normalizeUnicode: true is NFC; NFKC must be named', () => {
    const nfd = 'cafe\u0301'
    expect(check({ type: 'equals', value: 'café' }, nfd).pass).toBe(false)
    expect(check({ type: 'equals', value: 'café', normalizeUnicode: true }, nfd).pass).toBe(true)
    expect(check({ type: 'equals', value: 'x2', normalizeUnicode: true }, 'x²').pass).toBe(false)
    expect(check({ type: 'equals', value: 'x2', normalizeUnicode: 'NFKC' }, 'x²').pass).toBe(true)
  })
})

describe('starts-with and regex', () => {
  it('starts-with is case-sensitive and exact at position 0', () => {
    expect(check({ type: 'starts-with', value: 'Yes' }, 'Yes, it is').pass).toBe(true)
    expect(check({ type: 'starts-with', value: 'Yes' }, ' Yes').pass).toBe(false)
    expect(check({ type: 'not-starts-with', value: 'No' }, 'Yes').pass).toBe(true)
    expect(check({ type: 'starts-with', value: '' }, 'Yes')).toMatchObject({ status: 'error', pass: false })
  })

  it('regex has no flags and is unanchored', () => {
    expect(check({ type: 'regex', value: '\\d{3}-\\d{4}' }, 'call 555-1234 now').pass).toBe(true)
    expect(check({ type: 'regex', value: '^hello' }, 'Hello').pass).toBe(false)
    expect(check({ type: 'not-regex', value: 'error' }, 'all fine')).toMatchObject({ pass: true, score: 1 })
  })

  it('an invalid pattern fails, even under not-regex', () => {
    for (const type of ['regex', 'not-regex']) {
      const result = check({ type, value: '([a-z' }, 'abc')
      expect(result.status).toBe('scored')
      expect(result.pass).toBe(false)
      expect(result.reason).toMatch(/^Invalid regex pattern: /)
    }
  })
})
