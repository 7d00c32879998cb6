import type { ModelRef } from '../../../../../shared/domain/prompts'
import {
  checkPromptfooAssertion,
  promptfooAssertionSchema,
  type PromptfooAssertion,
  type PromptfooAssertionResult,
} from '../checks'
import type { AsyncScorerInput, ScoringServices } from './async-types'
import { checkEndsWith, checkFactThreshold } from './assertions-facts'
import { runJavascriptAssertion } from './assertions-javascript'
import { runLlmRubric } from './assertions-rubric'
import { renderAssertionValue } from './assertion-template'
import { baseAssertionType, ownPromptfooAssertionTypes as ownTypes } from './assertion-types'

/**
 * One promptfoo assertion on one stored result: the pure text checks go to checks/ (checkPromptfooAssertion);
 * the kinds that need more than the text — the sandbox (javascript), a judge model (llm-rubric), the result's
 * facts (cost, latency) — and ends-with are run here with the same conventions: `not-X` inverts X, a
 * `weight: 0` assertion always passes, and value forms promptfoo resolves with machinery Eval Lab lacks
 * (templates, file:// and package: references, transforms) are `unsupported`, never a pass.
 */

export interface AssertionContext {
  input: AsyncScorerInput
  output: string
  services: ScoringServices
  judgeModel: ModelRef | null
}

export async function runPromptfooAssertion(
  given: unknown,
  context: AssertionContext,
): Promise<PromptfooAssertionResult> {
  const raw = renderAssertionValue(given, context.input.case.vars)
  const parsed = promptfooAssertionSchema.safeParse(raw)
  if (!parsed.success || !ownTypes.includes(baseAssertionType(parsed.data.type)))
    return checkPromptfooAssertion(raw, context.output)
  const assertion = parsed.data
  const refusal = refusalFor(assertion)
  if (refusal) return { status: 'unsupported', type: assertion.type, pass: false, score: 0, reason: refusal }
  const result = await runOwn(assertion, context)
  return assertion.weight === 0 && result.status === 'scored' ? { ...result, pass: true } : result
}

async function runOwn(
  assertion: PromptfooAssertion,
  context: AssertionContext,
): Promise<PromptfooAssertionResult> {
  const inverse = assertion.type.startsWith('not-')
  const { input, output } = context
  switch (baseAssertionType(assertion.type)) {
    case 'cost':
      return checkFactThreshold('cost', assertion, input.result.costUsd, inverse)
    case 'latency':
      return checkFactThreshold(
        'latency',
        assertion,
        input.result.cached ? null : input.result.latencyMs,
        inverse,
      )
    case 'ends-with':
      return checkEndsWith(assertion, output, inverse)
    case 'llm-rubric':
      return runLlmRubric({
        assertion,
        rubric: rubricText(assertion.value),
        output,
        vars: input.case.vars,
        inverse,
        judgeModel: context.judgeModel,
        grade: (request) => context.services.grade(request),
      })
    default:
      return runJavascript(assertion, context, inverse)
  }
}

function runJavascript(
  assertion: PromptfooAssertion,
  context: AssertionContext,
  inverse: boolean,
): Promise<PromptfooAssertionResult> | PromptfooAssertionResult {
  if (typeof assertion.value !== 'string')
    return {
      status: 'error',
      type: assertion.type,
      pass: false,
      score: 0,
      reason: 'javascript assertion must have a string value',
    }
  const { vars } = context.input.case
  const scriptContext = { vars, test: { vars }, config: assertion['config'] ?? {} }
  return runJavascriptAssertion(context.services.sandbox, {
    assertion,
    value: assertion.value,
    output: context.output,
    context: scriptContext,
    inverse,
  })
}

/** promptfoo grades against `renderedValue || ''`; an object rubric is put in as JSON. */
function rubricText(value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function refusalFor(assertion: PromptfooAssertion): string | undefined {
  if (assertion['transform'] !== undefined) return 'a "transform" on the assertion is not supported'
  if (assertion['contextTransform'] !== undefined) return 'a "contextTransform" is not supported'
  if (assertion['provider'] !== undefined)
    return 'a per-assertion "provider" is not supported: the scorer grades with its judge model'
  if (assertion['rubricPrompt'] !== undefined) return 'a custom "rubricPrompt" is not supported'
  const { value } = assertion
  if (typeof value !== 'string') return undefined
  if (/\{\{|\{%|\{#/.test(value))
    return 'a templated value ({{ }}, {% %} or {# #}) needs promptfoo’s Nunjucks rendering'
  if (value.startsWith('file://')) return 'a file:// value is not supported'
  if (value.startsWith('package:')) return 'a package: value is not supported'
  return undefined
}
