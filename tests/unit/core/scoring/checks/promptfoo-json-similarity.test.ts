import { describe, expect, it } from 'vitest'
import { checkPromptfooAssertion as check } from '../../../../../electron/main/core/scoring/checks'

// contains-json cases from promptfoo/promptfoo test/assertions/contains-json.test.ts; levenshtein from
// test/assertions/levenshtein.test.ts; bleu and rouge-n handler cases from bleu.test.ts / rouge.test.ts.
const latLongSchema = {
  required: ['latitude', 'longitude'],
  type: 'object',
  properties: {
    latitude: { type: 'number', minimum: -90, maximum: 90 },
    longitude: { type: 'number', minimum: -180, maximum: 180 },
  },
}

describe('is-json', () => {
  it('passes on any JSON text, arrays and scalars included', () => {
    expect(check({ type: 'is-json' }, '{"a":1}').pass).toBe(true)
    expect(check({ type: 'is-json' }, '[1,2]').pass).toBe(true)
    expect(check({ type: 'is-json' }, '"text"').pass).toBe(true)
    expect(check({ type: 'is-json' }, 'Sure: {"a":1}')).toMatchObject({
      pass: false,
      reason: 'Expected output to be valid JSON',
    })
    expect(check({ type: 'not-is-json' }, 'plain words').pass).toBe(true)
  })

  it('validates a schema given as an object or as a YAML string', () => {
    expect(check({ type: 'is-json', value: latLongSchema }, '{"latitude": 80.1, "longitude": -1}').pass).toBe(
      true,
    )
    const yamlSchema = 'type: object\nrequired: [answer]\nproperties:\n  answer: {type: string}\n'
    expect(check({ type: 'is-json', value: yamlSchema }, '{"answer": "yes"}').pass).toBe(true)
    expect(check({ type: 'is-json', value: yamlSchema }, '{"answer": 3}')).toMatchObject({
      pass: false,
      reason: 'JSON does not conform to the provided schema. Errors: data/answer must be string',
    })
  })

  it('a schema promptfoo’s strict Ajv rejects is an error (promptfoo 0.121.20 throws: the test errors)', () => {
    const result = check({ type: 'is-json', value: { type: 'object', requird: ['a'] } }, '{}')
    expect(result).toMatchObject({ status: 'error', pass: false })
    expect(result.reason).toMatch(/^Invalid JSON schema: strict mode: unknown keyword: "requird"/)
  })

  it('refuses schema "format" keywords and file:// schemas instead of ignoring them', () => {
    const withFormat = { type: 'object', properties: { email: { type: 'string', format: 'email' } } }
    expect(check({ type: 'is-json', value: withFormat }, '{"email":"x"}')).toMatchObject({
      status: 'unsupported',
      pass: false,
    })
    expect(check({ type: 'contains-json', value: 'file://schema.json' }, '{"a":1}')).toMatchObject({
      status: 'unsupported',
      pass: false,
    })
  })
})

describe('contains-json (promptfoo contains-json.test.ts)', () => {
  const nested = '{"key": "value", "key2": {"key3": "value2", "key4": ["value3", "value4"]}}'

  it('finds JSON objects inside prose', () => {
    expect(
      check({ type: 'contains-json' }, `this is some other stuff \n\n ${nested} \n\n blah blah`),
    ).toMatchObject({
      pass: true,
      reason: 'Assertion passed',
    })
    expect(check({ type: 'contains-json' }, `stuff ${nested} another ${nested}\n\n blah`).pass).toBe(true)
    expect(check({ type: 'contains-json' }, 'Not valid JSON')).toMatchObject({
      pass: false,
      reason: 'Expected output to contain valid JSON',
    })
  })

  it('checks found objects against a schema', () => {
    const good = 'here is the answer\n\n```{"latitude": 80.123, "longitude": -1}```'
    const bad = 'here is the answer\n\n```{"latitude": "medium", "longitude": -1}```'
    expect(check({ type: 'contains-json', value: latLongSchema }, good).pass).toBe(true)
    expect(check({ type: 'contains-json', value: latLongSchema }, bad)).toMatchObject({
      pass: false,
      reason: 'JSON does not conform to the provided schema. Errors: data/latitude must be number',
    })
  })

  it('passes when any found object conforms; not-contains-json fails when one does', () => {
    const two = 'first {"latitude": "x", "longitude": 0} then {"latitude": 1, "longitude": 2}'
    expect(check({ type: 'contains-json', value: latLongSchema }, two).pass).toBe(true)
    expect(check({ type: 'not-contains-json', value: latLongSchema }, two)).toMatchObject({
      pass: false,
      reason: 'Output contains JSON conforming to the provided schema',
    })
    expect(check({ type: 'not-contains-json' }, 'no braces at all').pass).toBe(true)
  })

  it('a bare array is not found (promptfoo scans from "{" only)', () => {
    expect(check({ type: 'contains-json' }, 'list: [1, 2, 3]').pass).toBe(false)
  })

  it('a YAML-style brace block promptfoo might accept is reported unsupported, not failed', () => {
    expect(check({ type: 'contains-json' }, 'result {answer: yes}')).toMatchObject({
      status: 'unsupported',
      pass: false,
    })
  })
})

describe('levenshtein (promptfoo levenshtein.test.ts)', () => {
  it.each([
    [{ value: 'test' }, 'test', true],
    [{ value: 'test' }, 'tast', true],
    [{ value: 'test', threshold: 2 }, 'tist', true],
    [{ value: 'test' }, 'completely different', false],
    [{ value: 'test', threshold: 0 }, 'tast', false],
    [{ value: '' }, '', true],
    [{ value: 'test!@#$' }, 'test!@#$', true],
  ])('%j on %j → %s', (fields, output, pass) => {
    const result = check({ type: 'levenshtein', ...fields }, output)
    expect(result).toMatchObject({ status: 'scored', pass, score: pass ? 1 : 0 })
  })

  it('names the distance and threshold when it fails; a non-string value is an error', () => {
    expect(check({ type: 'levenshtein', value: 'test' }, 'completely different').reason).toMatch(
      /^Levenshtein distance \d+ is greater than threshold 5$/,
    )
    expect(check({ type: 'levenshtein', value: 123 }, 'test')).toMatchObject({
      status: 'error',
      reason: '"levenshtein" assertion type must have a string value',
    })
  })

  it('not-levenshtein inverts the verdict (promptfoo 0.121.20 honours the not- prefix)', () => {
    expect(check({ type: 'not-levenshtein', value: 'x' }, 'x')).toMatchObject({
      status: 'scored',
      pass: false,
      reason: 'Levenshtein distance 0 is less than or equal to threshold 5',
    })
    expect(check({ type: 'not-levenshtein', value: 'sitting', threshold: 2 }, 'kitten')).toMatchObject({
      pass: true,
      score: 1,
    })
  })
})

describe('rouge-n (promptfoo 0.121.20: lower-cased, clipped unigram F1 of js-rouge tokens)', () => {
  it('default threshold 0.75', () => {
    // 6 of 7 tokens on each side: precision = recall = F1 = 0.857
    expect(
      check({ type: 'rouge-n', value: 'The cat sat on a mat.' }, 'The cat sat on the mat.'),
    ).toMatchObject({
      pass: true,
      reason: 'ROUGE-N score 0.86 is greater than or equal to threshold 0.75',
    })
    expect(check({ type: 'rouge-n', value: 'Hello World' }, 'hello world')).toMatchObject({
      pass: true,
      score: 1,
      reason: 'ROUGE-N score 1.00 is greater than or equal to threshold 0.75',
    })
  })

  it('custom threshold and inverse (score becomes 1 − score)', () => {
    expect(check({ type: 'rouge-n', value: 'the the cat', threshold: 0.6 }, 'the cat').pass).toBe(true)
    const inverse = check({ type: 'not-rouge-n', value: 'The cat sat on a mat.' }, 'The cat sat on the mat.')
    expect(inverse.pass).toBe(false)
    expect(inverse.score).toBeCloseTo(1 / 7, 12)
  })

  it('an empty output or reference scores 0 (promptfoo 0.121.20 no longer throws)', () => {
    expect(check({ type: 'rouge-n', value: 'x' }, '')).toMatchObject({
      status: 'scored',
      pass: false,
      score: 0,
      reason: 'ROUGE-N score 0.00 is less than threshold 0.75',
    })
    expect(check({ type: 'not-rouge-n', value: '' }, 'x')).toMatchObject({ pass: true, score: 1 })
  })
})

describe('bleu (promptfoo bleu.test.ts handler cases)', () => {
  const reference = 'The cat sat on the mat.'
  it('passes on identical text, default threshold 0.5', () => {
    expect(check({ type: 'bleu', value: reference }, reference)).toMatchObject({
      pass: true,
      reason: 'Assertion passed',
    })
    expect(check({ type: 'bleu', value: reference }, 'The dog ran in the park.').reason).toMatch(
      /^BLEU score \d+\.\d+ is less than threshold 0\.5$/,
    )
  })

  it('takes an array of references, a custom threshold and the not- form', () => {
    const refs = ['The cat sat on mat.', 'The cat is sitting on mat.']
    expect(check({ type: 'bleu', value: refs }, 'The cat sat on mat.').pass).toBe(true)
    expect(
      check({ type: 'bleu', value: reference, threshold: 0.8 }, 'The dog sat on the mat.').reason,
    ).toMatch(/^BLEU score \d+\.\d+ is less than threshold 0\.8$/)
    expect(
      check({ type: 'not-bleu', value: reference, threshold: 0.8 }, 'The dog ran in the park.').pass,
    ).toBe(true)
  })
})
