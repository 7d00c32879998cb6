import type { Scorer } from '../../../../shared/domain/scoring'
import { modelKey, parseModelKey } from '../../../../shared/lib/model-ref'
import type { ScorerForm } from './scorer-form'

type CodeConfig = Extract<Scorer['config'], { kind: 'code' }>
type AssertionsConfig = Extract<Scorer['config'], { kind: 'assertions' }>
type Built = { config: Scorer['config'] } | { problem: string }

/** What a new code scorer starts with: the signature, what the context holds, and the three answer forms. */
export const starterSource = `// Runs once per stored result, in a sandbox: no files, network, process or clock.
// output: the model's answer text (null when the call failed)
// vars: the case's variables; expected: the case's expected fields
// toolCalls: the answer's tool calls; metadata: caseKey, tags, provider, model, costUsd, latencyMs
function score(output, { vars, expected, toolCalls, metadata }) {
  if (output === null) return { pass: false, score: 0, reason: 'The call failed' }
  const pass = output.trim().length > 0
  // Return true/false, a number from 0 to 1, or { score, pass, reason }.
  return { pass, score: pass ? 1 : 0, reason: pass ? 'Answered' : 'Empty answer' }
}
`

/** Limits the editor accepts, as the suite schema does (defaults: 250 ms, 16 MB). */
export const timeLimitRange = { min: 10, max: 10_000 } as const
export const memoryLimitRange = { min: 2, max: 256 } as const

function wholeIn(text: string, range: { min: number; max: number }): number | null {
  const n = Number(text.trim())
  if (text.trim() === '' || !Number.isInteger(n) || n < range.min || n > range.max) return null
  return n
}

/** The code scorer's source and limits, or the first thing to fix; also what the test panel sends. */
export function codeConfigOf(form: ScorerForm): { config: CodeConfig } | { problem: string } {
  if (form.source.trim() === '') return { problem: 'Write the scorer, e.g. function score(output) { … }.' }
  const timeLimitMs = wholeIn(form.timeLimitMs, timeLimitRange)
  if (timeLimitMs === null)
    return {
      problem: `The time limit is a whole number of ms from ${timeLimitRange.min} to ${timeLimitRange.max}.`,
    }
  const memoryLimitMb = wholeIn(form.memoryLimitMb, memoryLimitRange)
  if (memoryLimitMb === null)
    return {
      problem: `The memory limit is a whole number of MB from ${memoryLimitRange.min} to ${memoryLimitRange.max}.`,
    }
  return { config: { kind: 'code', source: form.source, timeLimitMs, memoryLimitMb } }
}

export function buildAssertions(form: ScorerForm): Built {
  const field = form.assertionsField.trim()
  if (!field)
    return { problem: "Name the expected field holding the case's assertions (usually assertions)." }
  if (form.judgeModel.trim() === '') return { config: { kind: 'assertions', field, judgeModel: null } }
  const judgeModel = parseModelKey(form.judgeModel.trim())
  if (!judgeModel) return { problem: 'Write the judge model as provider/model, e.g. openai/gpt-4o-mini.' }
  return { config: { kind: 'assertions', field, judgeModel } }
}

export const codeFields = (config: CodeConfig): Partial<ScorerForm> => ({
  source: config.source,
  timeLimitMs: String(config.timeLimitMs),
  memoryLimitMb: String(config.memoryLimitMb),
})

export const assertionsFields = (config: AssertionsConfig): Partial<ScorerForm> => ({
  assertionsField: config.field,
  judgeModel: config.judgeModel ? modelKey(config.judgeModel) : '',
})

/** A suite usually has one code scorer; a second one is named by the user (the metric must be unique). */
export const codeMetric = 'code.score'
export const codeLabel = 'Code scorer'

export function describeCode(config: CodeConfig): string {
  const lines = config.source.trimEnd().split('\n').length
  return `JavaScript, ${lines} line${lines === 1 ? '' : 's'}, in the sandbox (${config.timeLimitMs} ms, ${config.memoryLimitMb} MB per call)`
}

export function describeAssertions(config: AssertionsConfig): string {
  const judge = config.judgeModel
    ? `, llm-rubric graded by ${modelKey(config.judgeModel)}`
    : ', llm-rubric left unscored (no judge model)'
  return `the case's promptfoo assertions (expected ${config.field})${judge}`
}
