import { describe, expect, it } from 'vitest'
import {
  checkPromptfooAssertion as check,
  scorePromptfooTest,
  supportedPromptfooAssertionTypes,
} from '../../../../../electron/main/core/scoring/checks'

// Weighted score and threshold as promptfoo/promptfoo src/assertions/assertionsResult.ts computes them.
describe('scorePromptfooTest', () => {
  const output = 'The capital of France is Paris.'
  const pass = check({ type: 'contains', value: 'Paris' }, output)
  const fail = check({ type: 'contains', value: 'Lyon' }, output)

  it('without a threshold every assertion must pass; score is the weighted mean', () => {
    expect(scorePromptfooTest([{ result: pass }, { result: pass }])).toEqual({
      status: 'scored',
      pass: true,
      score: 1,
      reason: 'All assertions passed',
    })
    const verdict = scorePromptfooTest([{ result: pass, weight: 3 }, { result: fail }])
    expect(verdict).toMatchObject({ pass: false, score: 0.75, reason: 'Expected output to contain "Lyon"' })
  })

  it('a numeric threshold decides on the weighted score alone', () => {
    expect(scorePromptfooTest([{ result: pass, weight: 3 }, { result: fail }], 0.7)).toEqual({
      status: 'scored',
      pass: true,
      score: 0.75,
      reason: 'Aggregate score 0.75 ≥ 0.7 threshold',
    })
    expect(scorePromptfooTest([{ result: pass }, { result: fail, weight: 3 }], 0.5)).toMatchObject({
      pass: false,
      score: 0.25,
      reason: 'Aggregate score 0.25 < 0.5 threshold',
    })
  })

  it('threshold 0 is honoured (always passes), not treated as absent', () => {
    expect(scorePromptfooTest([{ result: fail }], 0)).toMatchObject({ pass: true, score: 0 })
  })

  it('a weight-0 assertion passes and does not count; all weights 0 give score 0', () => {
    const metricOnly = check({ type: 'contains', value: 'Lyon', weight: 0 }, output)
    expect(metricOnly).toMatchObject({ status: 'scored', pass: true, score: 0 })
    expect(scorePromptfooTest([{ result: pass }, { result: metricOnly, weight: 0 }])).toMatchObject({
      pass: true,
      score: 1,
    })
    expect(scorePromptfooTest([{ result: metricOnly, weight: 0 }])).toMatchObject({ pass: true, score: 0 })
  })

  it('graded scores are averaged with their weights', () => {
    const rouge = check({ type: 'rouge-n', value: 'The cat sat on a mat.' }, 'The cat sat on the mat.')
    const verdict = scorePromptfooTest([{ result: rouge, weight: 2 }, { result: fail }])
    expect(verdict.score).toBeCloseTo((2 * (6 / 7)) / 3, 12)
  })

  it('no assertions: promptfoo’s "No assertions" pass', () => {
    expect(scorePromptfooTest([])).toEqual({
      status: 'scored',
      pass: true,
      score: 1,
      reason: 'No assertions',
    })
  })

  it('an unsupported or erroring assertion makes the verdict undecided, never a pass', () => {
    const llm = check({ type: 'llm-rubric', value: 'is polite' }, output)
    const verdict = scorePromptfooTest([{ result: pass }, { result: llm }], 0)
    expect(verdict).toMatchObject({ status: 'unsupported', pass: false, score: 0 })
    expect(verdict.reason).toContain('llm-rubric')
    const broken = check({ type: 'contains' }, output)
    expect(scorePromptfooTest([{ result: llm }, { result: broken }])).toMatchObject({
      status: 'error',
      pass: false,
    })
  })
})

describe('unsupported and invalid assertions are named, never passed', () => {
  it.each([
    [{ type: 'llm-rubric', value: 'is polite' }, 'assertion type "llm-rubric" is not supported'],
    [{ type: 'javascript', value: 'output.length > 3' }, 'assertion type "javascript" is not supported'],
    [{ type: 'not-similar', value: 'x' }, 'assertion type "not-similar" is not supported'],
    [{ type: 'contains', value: '{{ city }}' }, 'needs promptfoo’s Nunjucks rendering'],
    [{ type: 'contains-any', value: ['Paris', '{{ alt }}'] }, 'needs promptfoo’s Nunjucks rendering'],
    [{ type: 'equals', value: 'file://expected.txt' }, 'a file:// value is not supported'],
    [
      { type: 'contains', value: 'x', transform: 'output.trim()' },
      'a "transform" on the assertion is not supported',
    ],
  ])('%j', (assertion, reason) => {
    const result = check(assertion, 'x Paris')
    expect(result.status).toBe('unsupported')
    expect(result.pass).toBe(false)
    expect(result.score).toBe(0)
    expect(result.reason).toContain(reason)
    expect(result.type).toBe(assertion.type)
  })

  it.each([
    [null, '(no type)'],
    [{ value: 'x' }, '(no type)'],
    [{ type: '' }, ''],
    [{ type: 'contains', value: 'x', weight: -1 }, 'contains'],
    [{ type: 'rouge-n', value: 'x', threshold: 'high' }, 'rouge-n'],
  ])('input that fails validation is an error naming the field: %j', (assertion, type) => {
    const result = check(assertion, 'x')
    expect(result).toMatchObject({ status: 'error', pass: false, score: 0, type })
    expect(result.reason).toMatch(/^invalid assertion: /)
  })

  it('the supported list has every base type with its not- form', () => {
    expect(supportedPromptfooAssertionTypes).toContain('not-icontains-all')
    expect(supportedPromptfooAssertionTypes).toContain('levenshtein')
    expect(supportedPromptfooAssertionTypes).toContain('not-levenshtein')
    for (const type of supportedPromptfooAssertionTypes) {
      expect(check({ type, value: 'x' }, 'x').status).not.toBe('unsupported')
    }
  })
})
