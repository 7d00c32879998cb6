import type { assertionsScorerConfigSchema } from '../../../../../shared/domain/scoring'
import type { z } from 'zod'
import { scorePromptfooTest, type PromptfooAssertionResult, type WeightedAssertion } from '../checks'
import type { AsyncScorer, AsyncScorerInput, ScoringServices } from './async-types'
import { baseAssertionType, modelGradedAssertionTypes } from './assertion-types'
import { runPromptfooAssertion } from './assertions-run'
import { failedCall, unscored, type ScoreOutcome } from './types'

type AssertionsConfig = z.output<typeof assertionsScorerConfigSchema>

/** The expected field that holds a promptfoo test's own `threshold` (the import writes it beside the list). */
export const thresholdField = (field: string): string => `${field}_threshold`

/**
 * A case's promptfoo assertions (expected[field], as a promptfoo test file's `assert` list is imported), run
 * as promptfoo runs them and combined into the test's verdict (weights, the test's threshold):
 * value = 1 when the test passes, 0 when it fails; raw = promptfoo's weighted test score; details list every
 * assertion's type, pass, score, reason and weight. A test with an assertion Eval Lab cannot run, or one
 * promptfoo would stop on, is not scored (value null) and says which.
 */
export function assertionsScorer(config: AssertionsConfig): AsyncScorer {
  return async (input, services) => {
    const list = input.case.expected[config.field]
    if (list === undefined || list === null)
      return unscored(`The case has no promptfoo assertions in expected.${config.field}`)
    if (!Array.isArray(list))
      return errorOutcome(`expected.${config.field} is not a list of promptfoo assertions`, [])
    const threshold = readThreshold(input, config.field)
    if (typeof threshold === 'string') return errorOutcome(threshold, [])
    if (input.output === null) return failedCall(input.failure ?? 'no output')
    const results = await runAll(list, input, services, config)
    return toOutcome(results, threshold)
  }
}

/** True when the case has an assertion that needs the judge (the pass defers it when judges are off). */
export function assertionsNeedJudge(config: AssertionsConfig, expected: Record<string, unknown>): boolean {
  const list = expected[config.field]
  if (!Array.isArray(list)) return false
  return list.some(
    (item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      'type' in item &&
      typeof item.type === 'string' &&
      modelGradedAssertionTypes.includes(baseAssertionType(item.type)),
  )
}

type RunAssertion = WeightedAssertion & { result: PromptfooAssertionResult }

async function runAll(
  list: readonly unknown[],
  input: AsyncScorerInput,
  services: ScoringServices,
  config: AssertionsConfig,
): Promise<RunAssertion[]> {
  const context = { input, output: input.output ?? '', services, judgeModel: config.judgeModel }
  const results: RunAssertion[] = []
  for (const raw of list) {
    const result = await runPromptfooAssertion(raw, context)
    results.push({ result, weight: readWeight(raw) })
  }
  return results
}

function readWeight(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('weight' in raw)) return undefined
  return typeof raw.weight === 'number' && Number.isFinite(raw.weight) ? raw.weight : undefined
}

function readThreshold(input: AsyncScorerInput, field: string): number | undefined | string {
  const name = thresholdField(field)
  const value = input.case.expected[name]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'number' && Number.isFinite(value)) return value
  return `expected.${name} is ${JSON.stringify(value)}; a promptfoo test threshold must be a number`
}

function describe(results: readonly RunAssertion[]) {
  return results.map(({ result, weight }) => ({
    type: result.type,
    status: result.status,
    pass: result.pass,
    score: result.score,
    reason: result.reason,
    weight: weight ?? 1,
  }))
}

function toOutcome(results: readonly RunAssertion[], threshold: number | undefined): ScoreOutcome {
  const verdict = scorePromptfooTest(results, threshold)
  const assertions = describe(results)
  const details = { assertions, ...(threshold === undefined ? {} : { threshold }) }
  if (verdict.status === 'error') return errorOutcome(verdict.reason, assertions, threshold)
  if (verdict.status === 'unsupported')
    return {
      value: null,
      raw: null,
      passed: null,
      reason: verdict.reason,
      details: { ...details, notRun: true },
    }
  return {
    value: verdict.pass ? 1 : 0,
    raw: verdict.score,
    passed: verdict.pass,
    reason: verdict.reason,
    details,
  }
}

function errorOutcome(reason: string, assertions: unknown[], threshold?: number): ScoreOutcome {
  return {
    value: null,
    raw: null,
    passed: null,
    reason,
    details: { error: 'assertion', assertions, ...(threshold === undefined ? {} : { threshold }) },
  }
}
