import { describe, expect, it } from 'vitest'
import {
  checkPromptfooAssertion,
  scorePromptfooTest,
  supportedPromptfooAssertionTypes,
  type PromptfooAssertionResult,
} from '../../../../../electron/main/core/scoring/checks'
import {
  baseAssertionType,
  loadPromptfooFixture,
  type PromptfooFixtureComponent,
  type PromptfooFixtureTest,
} from '../../../../fixtures/promptfoo-results/fixture'

/**
 * promptfoo's own verdicts (tests/fixtures/promptfoo-results, produced by promptfoo itself against our
 * mock server) reproduced by Eval Lab on the same stored outputs: per assertion and per test.
 * Types that need more than the output text (javascript through the sandbox, llm-rubric through a
 * grader, cost and latency from the result's facts) are scored by the promptfoo-assertions scorer, not
 * by checks/; this file takes promptfoo's verdict for them where a test verdict needs it.
 */
const fixture = loadPromptfooFixture()
const scorerOwnedTypes = new Set(['javascript', 'llm-rubric', 'cost', 'latency'])

function isChecksType(type: string): boolean {
  return supportedPromptfooAssertionTypes.includes(type)
}

function label(test: PromptfooFixtureTest, index: number, component: PromptfooFixtureComponent): string {
  return `${String(test.vars['case'])} #${index} ${component.assertion.type} ${JSON.stringify(component.assertion.value ?? component.assertion.threshold ?? '')}`
}

describe('the promptfoo results fixture', () => {
  it('is promptfoo’s own run, covering every assertion type the issue lists, each passing and failing', () => {
    expect(fixture.promptfooVersion).toMatch(/^0\.\d+\.\d+$/)
    expect(fixture.tests.length).toBeGreaterThanOrEqual(20)
    const outcomes = new Map<string, Set<boolean>>()
    for (const component of fixture.tests.flatMap((test) => test.components)) {
      const seen = outcomes.get(component.assertion.type) ?? new Set<boolean>()
      outcomes.set(component.assertion.type, seen.add(component.pass))
    }
    const listed = ['equals', 'contains', 'icontains', 'contains-any', 'contains-all', 'starts-with', 'regex']
    const more = [
      'is-json',
      'contains-json',
      'javascript',
      'llm-rubric',
      'cost',
      'latency',
      'levenshtein',
      'rouge-n',
    ]
    for (const type of [...listed, ...more]) {
      expect([...(outcomes.get(type) ?? [])].sort(), type).toEqual([false, true])
      expect(outcomes.has(`not-${type}`), `not-${type}`).toBe(true)
    }
    expect(fixture.tests.some((test) => test.threshold !== undefined)).toBe(true)
    expect(fixture.tests.every((test) => test.cached === false)).toBe(true)
  })
})

describe('checkPromptfooAssertion on promptfoo’s stored outputs', () => {
  const cases = fixture.tests.flatMap((test) =>
    test.components
      .map((component, index) => ({ test, component, index }))
      .filter(({ component }) => !scorerOwnedTypes.has(baseAssertionType(component.assertion.type))),
  )

  it.each(cases.map((entry) => [label(entry.test, entry.index, entry.component), entry] as const))(
    '%s',
    (_name, { test, component }) => {
      expect(isChecksType(component.assertion.type), `${component.assertion.type} is supported`).toBe(true)
      const ours = checkPromptfooAssertion(component.assertion, test.output)
      expect(ours).toMatchObject({ status: 'scored', pass: component.pass })
      expect(ours.score).toBeCloseTo(component.score, 12)
      if (!component.pass) expect(ours.reason).toBe(component.reason)
    },
  )

  it('leaves exactly javascript, llm-rubric, cost and latency to the assertions scorer', () => {
    const left = new Set(
      fixture.tests.flatMap((test) =>
        test.components.map((c) => c.assertion.type).filter((type) => !isChecksType(type)),
      ),
    )
    expect([...left].map(baseAssertionType).every((type) => scorerOwnedTypes.has(type))).toBe(true)
  })
})

/** Ours where checks/ decides; promptfoo's own for the scorer-owned types (see the file comment). */
function assertionResult(
  test: PromptfooFixtureTest,
  component: PromptfooFixtureComponent,
): PromptfooAssertionResult {
  if (!scorerOwnedTypes.has(baseAssertionType(component.assertion.type))) {
    return checkPromptfooAssertion(component.assertion, test.output)
  }
  const { type } = component.assertion
  const pass = component.assertion.weight === 0 ? true : component.pass
  return { status: 'scored', type, pass, score: component.score, reason: component.reason }
}

describe('scorePromptfooTest gives promptfoo’s test verdict', () => {
  it.each(fixture.tests.map((test) => [String(test.vars['case']), test] as const))('%s', (_name, test) => {
    const results = test.components.map((component) => ({
      result: assertionResult(test, component),
      weight: component.assertion.weight,
    }))
    const verdict = scorePromptfooTest(results, test.threshold)
    expect(verdict.status).toBe('scored')
    expect(verdict.pass).toBe(test.success)
    expect(verdict.score).toBeCloseTo(test.score, 12)
    expect(verdict.reason).toBe(test.reason)
  })
})
