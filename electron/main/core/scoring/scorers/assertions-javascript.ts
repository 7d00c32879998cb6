import { z } from 'zod'
import type { CodeSandbox } from '../code'
import type { PromptfooAssertion, PromptfooAssertionResult } from '../checks'

/**
 * promptfoo's `javascript` assertion (promptfoo/promptfoo src/assertions/javascript.ts and
 * scriptResultNormalization.ts), run in the QuickJS sandbox instead of Node's `new Function`:
 * - a value with a newline is a function body; a one-line value is an expression (`return` is put in front,
 *   or before the last statement when it starts with const/let/var);
 * - the body gets `output` (the text), `context` ({ vars, test, config }) and `process` (undefined here);
 * - boolean → pass/fail with score 1/0; a finite number → score, pass when ≥ the assertion's `threshold`, or
 *   > 0 without one; a GradingResult `{ pass, score, reason }` → as given; `not-javascript` inverts pass;
 * - anything thrown, or any other return value, is a failed assertion whose reason says so, as in promptfoo.
 * The sandbox's own limits (time, memory) are not promptfoo failures: promptfoo has no such limit, so the
 * assertion is an `error` and the test is not decided.
 */

/** What the wrapper inside the sandbox reports, as JSON in the reason (the sandbox only passes 0..1 scores). */
const reportSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('grading'), pass: z.boolean(), score: z.number(), reason: z.string() }),
  z.object({ kind: z.literal('invalid'), type: z.string() }),
  z.object({ kind: z.literal('threw'), message: z.string() }),
])
type Report = z.output<typeof reportSchema>

/** The reason budget the sandbox keeps (it clips longer ones); the wrapper shortens a GradingResult reason to fit. */
const reportBudget = 1900

/**
 * promptfoo's buildFunctionBody, without its JavaScript parser: a one-line value starting with a declaration
 * gets `return` after its last `;`, which is right unless a string or regex literal after that `;` holds one.
 */
export function javascriptFunctionBody(value: string): string {
  const trimmed = value.trimEnd()
  if (trimmed.includes('\n')) return trimmed
  const line = trimmed.trim().replace(/;+\s*$/, '')
  if (!/^(const|let|var)\s/.test(line)) return `return ${line}`
  const last = line.lastIndexOf(';')
  if (last === -1 || line.slice(last + 1).trim() === '') return line
  return `${line.slice(0, last + 1)} return ${line.slice(last + 1).trim()}`
}

/** Runs inside QuickJS: compiles the body as promptfoo does and reports the raw result as JSON. */
function wrapperSource(body: string): string {
  return String.raw`(() => {
  const body = ${JSON.stringify(body)}
  const budget = ${reportBudget}
  const report = (value) => {
    let text = JSON.stringify(value)
    if (value.kind === 'grading') {
      let reason = value.reason
      while (text.length > budget && reason.length > 0) {
        reason = reason.slice(0, Math.floor(reason.length * 0.8))
        text = JSON.stringify({ ...value, reason: reason + '…' })
      }
    }
    return { pass: true, reason: text }
  }
  const message = (error) => error instanceof Error ? error.name + ': ' + error.message : String(error)
  const read = (value) => {
    if (typeof value === 'boolean') return { kind: 'boolean', value }
    if (typeof value === 'number' && Number.isFinite(value)) return { kind: 'number', value }
    if (value !== null && typeof value === 'object' && typeof value.pass === 'boolean' &&
        typeof value.score === 'number' && Number.isFinite(value.score) && typeof value.reason === 'string')
      return { kind: 'grading', pass: value.pass, score: value.score, reason: value.reason }
    return { kind: 'invalid', type: value === null ? 'null' : typeof value }
  }
  return async (output, context) => {
    try {
      const fn = new Function('output', 'context', 'process', body)
      return report(read(await fn(output, context, undefined)))
    } catch (error) {
      return report({ kind: 'threw', message: message(error) })
    }
  }
})()`
}

export interface JavascriptInput {
  assertion: PromptfooAssertion
  value: string
  output: string
  context: Record<string, unknown>
  inverse: boolean
}

export async function runJavascriptAssertion(
  sandbox: CodeSandbox,
  input: JavascriptInput,
): Promise<PromptfooAssertionResult> {
  const { assertion } = input
  const json = JSON.stringify({ output: input.output, context: input.context })
  const outcome = await sandbox.runJson(wrapperSource(javascriptFunctionBody(input.value)), json)
  if (!outcome.ok) return sandboxFailure(assertion.type, outcome.message)
  let report: Report
  try {
    report = reportSchema.parse(JSON.parse(outcome.reason))
  } catch {
    return { status: 'error', type: assertion.type, pass: false, score: 0, reason: outcome.reason }
  }
  return fromReport(report, input)
}

function sandboxFailure(type: string, message: string): PromptfooAssertionResult {
  return { status: 'error', type, pass: false, score: 0, reason: message }
}

function fromReport(report: Report, input: JavascriptInput): PromptfooAssertionResult {
  const { type, threshold } = input.assertion
  const scored = (pass: boolean, score: number, reason: string): PromptfooAssertionResult => ({
    status: 'scored',
    type,
    pass,
    score,
    reason,
  })
  const failure = (rawPass: boolean): string =>
    `Custom function returned ${rawPass}\n${input.value.trimEnd()}`
  switch (report.kind) {
    case 'boolean': {
      const pass = report.value !== input.inverse
      return scored(pass, pass ? 1 : 0, pass ? 'Assertion passed' : failure(report.value))
    }
    case 'number': {
      const rawPass = threshold === undefined ? report.value > 0 : report.value >= threshold
      const pass = rawPass !== input.inverse
      return scored(pass, report.value, pass ? 'Assertion passed' : failure(rawPass))
    }
    case 'grading': {
      const pass = report.pass !== input.inverse
      return scored(pass, report.score, report.reason)
    }
    case 'invalid':
      return scored(
        false,
        0,
        'Custom function threw error: Custom function must return a boolean, a finite number, or a ' +
          `GradingResult object with finite scores and weights. Got type ${report.type}.`,
      )
    case 'threw':
      if (report.message.endsWith('out of memory')) return sandboxFailure(type, report.message)
      return scored(false, 0, `Custom function threw error: ${report.message}\n${input.value.trimEnd()}`)
  }
}
