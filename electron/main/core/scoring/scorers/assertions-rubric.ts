import type { ChatMessage } from '../../../../../shared/domain/conversation'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { PromptfooAssertion, PromptfooAssertionResult } from '../checks'
import { extractJsonObjects } from '../checks/promptfoo-values'
import type { GradeAnswer, GradeRequest } from './async-types'

/**
 * promptfoo's `llm-rubric` (promptfoo/promptfoo src/assertions/llmRubric.ts, src/matchers/llmGrading.ts
 * `matchesLlmRubric` and src/matchers/rubric.ts `runJsonGradingPrompt`) with its default grading prompt
 * (src/prompts/grading.ts DEFAULT_GRADING_PROMPT), sent to the suite's judge model:
 * - the grader's answer is read from the first JSON object in it; none → a failed assertion (a grader
 *   failure: `not-llm-rubric` does not turn it into a pass);
 * - pass = its `pass` (true when missing; "true/yes/pass/y" when not a boolean); score = its `score`, else
 *   Number(score) when finite, else pass as 1/0; with a `threshold`, pass also needs score ≥ threshold;
 * - `not-llm-rubric` inverts pass and scores 1 − score (clamped to 0..1).
 * A grader call that fails (network, provider error) is an `error` here, not promptfoo's failed assertion: a
 * broken judge says nothing about the output, and the pass can grade it again later.
 */

export const rubricSystemPrompt = [
  'You are grading output according to a user-specified rubric. If the statement in the rubric is true, then the output passes the test. You respond with a JSON object with this structure: {reason: string, pass: boolean, score: number}',
  '',
  'Examples:',
  '',
  '<Output>Hello world</Output>',
  '<Rubric>Content contains a greeting</Rubric>',
  '{"reason": "the content contains the word \'Hello\'", "pass": true, "score": 1.0}',
  '',
  '<Output>Avast ye swabs, repel the invaders!</Output>',
  '<Rubric>Does not speak like a pirate</Rubric>',
  '{"reason": "\'avast ye\' is a common pirate term", "pass": false, "score": 0.0}',
].join('\n')

/** promptfoo puts the output in as parsed JSON when it parses, and templates objects as JSON text. */
function outputForPrompt(output: string): string {
  try {
    const parsed: unknown = JSON.parse(output)
    if (typeof parsed === 'object' && parsed !== null) return JSON.stringify(parsed)
    return String(parsed)
  } catch {
    return output
  }
}

/** promptfoo spreads the test's vars over { output, rubric }: a var named `output` or `rubric` wins. */
export function rubricMessages(
  output: string,
  rubric: string,
  vars: Readonly<Record<string, string>> = {},
): ChatMessage[] {
  const shownOutput = Object.hasOwn(vars, 'output') ? vars['output'] : outputForPrompt(output)
  const shownRubric = Object.hasOwn(vars, 'rubric') ? vars['rubric'] : rubric
  return [
    { role: 'system', content: rubricSystemPrompt },
    {
      role: 'user',
      content: `<Output>\n${shownOutput}\n</Output>\n<Rubric>\n${shownRubric}\n</Rubric>`,
    },
  ]
}

export interface RubricInput {
  assertion: PromptfooAssertion
  rubric: string
  output: string
  vars: Readonly<Record<string, string>>
  inverse: boolean
  judgeModel: ModelRef | null
  grade: (request: GradeRequest) => Promise<GradeAnswer>
}

export async function runLlmRubric(input: RubricInput): Promise<PromptfooAssertionResult> {
  const { type } = input.assertion
  if (!input.judgeModel) {
    return {
      status: 'unsupported',
      type,
      pass: false,
      score: 0,
      reason: 'llm-rubric needs a judge model: pick one in the promptfoo assertions scorer',
    }
  }
  const answer = await input.grade({
    model: input.judgeModel,
    messages: rubricMessages(input.output, input.rubric, input.vars),
  })
  if (!answer.ok) {
    return { status: 'error', type, pass: false, score: 0, reason: `The grader call failed: ${answer.error}` }
  }
  return readGraderAnswer(answer.text, input)
}

function readGraderAnswer(text: string, input: RubricInput): PromptfooAssertionResult {
  const { type, threshold } = input.assertion
  if (text === '') return graderFailure(type, 'No output')
  const [first] = extractJsonObjects(text)
  if (first === undefined || Array.isArray(first))
    return graderFailure(type, 'Could not extract JSON from llm-rubric response')
  const parsed = first as Record<string, unknown>
  const rawPass = parsed['pass'] ?? true
  // An object's String() never matches promptfoo's pattern, so only scalars are worth reading.
  const passText = typeof rawPass === 'string' || typeof rawPass === 'number' ? String(rawPass) : ''
  let pass = typeof rawPass === 'boolean' ? rawPass : /^(true|yes|pass|y)$/i.test(passText)
  const rawScore = parsed['score']
  const score =
    typeof rawScore === 'number'
      ? rawScore
      : Number.isFinite(Number(rawScore))
        ? Number(rawScore)
        : Number(pass)
  if (threshold !== undefined) pass = pass && score >= threshold
  // promptfoo: `parsed.reason || fallback`, so any falsy reason (empty, 0, null) gives the fallback.
  const given = parsed['reason']
  const fallback = pass ? 'Grading passed' : `Score ${score} below threshold ${threshold}`
  const reason = given ? (typeof given === 'string' ? given : JSON.stringify(given)) : fallback
  if (!input.inverse) return { status: 'scored', type, pass, score, reason }
  const inverted = Math.min(1, Math.max(0, 1 - (Number.isFinite(score) ? score : 0)))
  return { status: 'scored', type, pass: !pass, score: inverted, reason }
}

function graderFailure(type: string, reason: string): PromptfooAssertionResult {
  return { status: 'scored', type, pass: false, score: 0, reason }
}
