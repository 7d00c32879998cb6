import { checkContainsJson, checkIsJson } from './promptfoo-json'
import {
  errored,
  promptfooAssertionSchema,
  unsupported,
  type AssertionInput,
  type PromptfooAssertionResult,
} from './promptfoo-schema'
import { checkBleu, checkLevenshtein, checkRougeN } from './promptfoo-similarity'
import {
  checkContains,
  checkContainsAll,
  checkContainsAny,
  checkEquals,
  checkRegex,
  checkStartsWith,
} from './promptfoo-text'

/**
 * Runs one promptfoo assertion on one output text, with promptfoo's semantics — promptfoo 0.121.20,
 * checked against its own verdicts in tests/fixtures/promptfoo-results
 * (src/assertions/index.ts `runAssertionInternal`): `not-X` is X inverted, and an
 * assertion with `weight: 0` always passes (it only contributes a metric). Types outside the table, and
 * value forms promptfoo resolves with machinery Eval Lab lacks (templates, file:// and package
 * references, transforms), come back as `unsupported` — never as a pass.
 */
type Handler = (input: AssertionInput) => PromptfooAssertionResult

const handlers: Readonly<Record<string, Handler>> = {
  equals: checkEquals,
  contains: (input) => checkContains(input, false),
  icontains: (input) => checkContains(input, true),
  'contains-any': (input) => checkContainsAny(input, false),
  'icontains-any': (input) => checkContainsAny(input, true),
  'contains-all': (input) => checkContainsAll(input, false),
  'icontains-all': (input) => checkContainsAll(input, true),
  'starts-with': checkStartsWith,
  regex: checkRegex,
  'is-json': checkIsJson,
  'contains-json': checkContainsJson,
  levenshtein: checkLevenshtein,
  'rouge-n': checkRougeN,
  bleu: checkBleu,
}

export const supportedPromptfooAssertionTypes: readonly string[] = Object.keys(handlers).flatMap((type) => [
  type,
  `not-${type}`,
])

function unsupportedValueForm(value: unknown): string | undefined {
  const strings = Array.isArray(value) ? value : [value]
  for (const item of strings) {
    if (typeof item !== 'string') continue
    if (/\{\{|\{%|\{#/.test(item))
      return 'a templated value ({{ }}, {% %} or {# #}) needs promptfoo’s Nunjucks rendering'
    if (item.startsWith('file://')) return 'a file:// value is not supported'
    if (item.startsWith('package:')) return 'a package: value is not supported'
  }
  return undefined
}

export function checkPromptfooAssertion(rawAssertion: unknown, output: string): PromptfooAssertionResult {
  const parsed = promptfooAssertionSchema.safeParse(rawAssertion)
  if (!parsed.success) {
    const type = readType(rawAssertion)
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    return errored(type, `invalid assertion: ${where}${issue?.message ?? 'unreadable'}`)
  }
  const assertion = parsed.data
  const inverse = assertion.type.startsWith('not-')
  const baseType = inverse ? assertion.type.slice(4) : assertion.type
  const handler = handlers[baseType]
  if (!handler) {
    return unsupported(assertion.type, `assertion type "${assertion.type}" is not supported`)
  }
  const refusal = refusalFor(assertion)
  if (refusal) return unsupported(assertion.type, refusal)
  const result = runHandler(handler, {
    assertion,
    type: assertion.type,
    value: assertion.value,
    output,
    inverse,
  })
  return assertion.weight === 0 && result.status === 'scored' ? { ...result, pass: true } : result
}

function refusalFor(assertion: Record<string, unknown>): string | undefined {
  if (assertion['transform'] !== undefined) return 'a "transform" on the assertion is not supported'
  if (assertion['contextTransform'] !== undefined) return 'a "contextTransform" is not supported'
  return unsupportedValueForm(assertion['value'])
}

function runHandler(handler: Handler, input: AssertionInput): PromptfooAssertionResult {
  try {
    return handler(input)
  } catch (error) {
    // AssertionValueError is promptfoo's `invariant`; js-rouge and BLEU throw RangeError/Error on empty text.
    return errored(input.type, error instanceof Error ? error.message : String(error))
  }
}

function readType(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string')
    return raw.type
  return '(no type)'
}
