import type { ToolCall } from '../../../../../shared/domain/conversation'
import { parseJson, quote, valueAt, asText } from '../output'
import { cachedValidator, schemaMismatch } from './format'
import { sameValue } from './compare'
import type { Rule, ToolRule } from './rules'
import { failed, failedCall, passed, unscored, type DeterministicScorer, type ScorerInput } from './types'

type ToolRuleOf<K extends ToolRule['op']> = Extract<ToolRule, { op: K }>

type Expected = { ok: true; value: unknown } | { ok: false; reason: string }

function expectedOf(input: ScorerInput, field: string | null, literal: unknown, what: string): Expected {
  if (field !== null) {
    const value = valueAt(input.case.expected, field)
    if (value === undefined || value === null || value === '')
      return { ok: false, reason: `The case has no expected "${field}"` }
    return { ok: true, value }
  }
  if (literal !== undefined) return { ok: true, value: literal }
  return { ok: false, reason: `The rule names neither an expected field nor ${what}` }
}

const names = (calls: readonly ToolCall[]): string =>
  calls.length === 0 ? 'no tool' : calls.map((c) => c.name).join(', ')

const callsOf = (input: ScorerInput, tool: string | null): readonly ToolCall[] =>
  (input.toolCalls ?? []).filter((c) => tool === null || c.name === tool)

/** Shared start: a failed call fails every tool rule (the user got no action), as for output rules. */
function answered(
  check: (input: ScorerInput, calls: readonly ToolCall[]) => ReturnType<DeterministicScorer>,
) {
  return (input: ScorerInput): ReturnType<DeterministicScorer> =>
    input.output === null && (input.toolCalls ?? []).length === 0
      ? failedCall(input.failure ?? 'no output')
      : check(input, input.toolCalls ?? [])
}

function toolCalled(rule: ToolRuleOf<'tool_called'>): DeterministicScorer {
  return answered((input, calls) => {
    const expected = expectedOf(input, rule.expectedField, rule.tool ?? undefined, 'a tool name')
    if (!expected.ok) return unscored(expected.reason)
    const name = asText(expected.value).trim()
    return calls.some((c) => c.name === name)
      ? passed(`${name} was called`)
      : failed(`${name} was not called (called: ${names(calls)})`)
  })
}

/** The tool's argument schema from the version, or why the call cannot be checked against one. */
function argumentsProblem(input: ScorerInput, call: ToolCall): string | null {
  const parsed = parseJson(call.arguments)
  if (!parsed.ok)
    return `${call.name}: the arguments are not JSON (${parsed.error}): ${quote(call.arguments)}`
  const definition = input.version?.tools?.find((t) => t.name === call.name)
  if (!definition) return `${call.name}: the prompt version offers no tool of that name`
  const compiled = cachedValidator(definition.parameters)
  if (!compiled.ok) return `${call.name}: the tool's JSON Schema is invalid: ${compiled.error}`
  const mismatch = schemaMismatch(compiled.validate, parsed.value)
  return mismatch ? `${call.name}: the arguments do not match the tool's schema: ${mismatch.listed}` : null
}

function toolArgsValid(rule: ToolRuleOf<'tool_args_valid'>): DeterministicScorer {
  return answered((input) => {
    const calls = callsOf(input, rule.tool)
    // No call to check is not a fail of this rule: whether a call was due is tool_called's question.
    if (calls.length === 0) return unscored(`No call of ${rule.tool ?? 'any tool'} to check`)
    const problems = calls.map((c) => argumentsProblem(input, c)).filter((p) => p !== null)
    if (problems.length === 0)
      return passed(`The arguments of ${calls.length} call(s) match their tools' schemas`)
    return failed(problems.join('; '), { problems })
  })
}

/** The argument at `path` of the first call (of the rule's tool), or why there is none. */
function argumentAt(
  calls: readonly ToolCall[],
  tool: string | null,
  path: string,
): { ok: true; value: unknown } | { ok: false; reason: string } {
  const call = calls.find((c) => tool === null || c.name === tool)
  if (!call) return { ok: false, reason: `${tool ?? 'No tool'} was not called (called: ${names(calls)})` }
  const parsed = parseJson(call.arguments)
  if (!parsed.ok)
    return {
      ok: false,
      reason: `${call.name}'s arguments are not JSON (${parsed.error}): ${quote(call.arguments)}`,
    }
  const value = valueAt(parsed.value, path)
  if (value === undefined) return { ok: false, reason: `${call.name} was called without "${path}"` }
  return { ok: true, value }
}

function compareArgument(rule: ToolRuleOf<'tool_arg'>, actual: unknown, expected: unknown) {
  const what = `${rule.path} is ${quote(actual)}`
  if (rule.compare === 'equals')
    return sameValue(actual, expected, rule.ignoreCase)
      ? passed(`${what} as expected`)
      : failed(`${what}, expected ${quote(expected)}`)
  if (rule.compare === 'contains') {
    const fold = (s: string): string => (rule.ignoreCase ? s.toLowerCase() : s)
    return fold(asText(actual)).includes(fold(asText(expected)))
      ? passed(`${what}, containing ${quote(expected)}`)
      : failed(`${what}, not containing ${quote(expected)}`)
  }
  let regex: RegExp
  try {
    regex = new RegExp(asText(expected), rule.ignoreCase ? 'i' : '')
  } catch (error) {
    return unscored(`Not a valid regular expression ${quote(expected)}: ${String(error)}`)
  }
  return regex.test(asText(actual))
    ? passed(`${what}, matching /${regex.source}/`)
    : failed(`${what}, not matching /${regex.source}/`)
}

function toolArg(rule: ToolRuleOf<'tool_arg'>): DeterministicScorer {
  return answered((input, calls) => {
    const expected = expectedOf(input, rule.expectedField, rule.value, 'a value')
    if (!expected.ok) return unscored(expected.reason)
    const actual = argumentAt(calls, rule.tool, rule.path)
    if (!actual.ok) return failed(actual.reason)
    return compareArgument(rule, actual.value, expected.value)
  })
}

/** A list as a dataset may hold it: a JSON list, or names in one text separated by commas or ">". */
function nameList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => asText(v).trim())
  const text = asText(value).trim()
  const json = text.startsWith('[') ? parseJson(text) : null
  if (json?.ok && Array.isArray(json.value)) return nameList(json.value)
  return text
    .split(/[,>]/)
    .map((s) => s.trim())
    .filter(Boolean)
}

function toolOrder(rule: ToolRuleOf<'tool_order'>): DeterministicScorer {
  return answered((input, calls) => {
    const expected = expectedOf(input, rule.expectedField, rule.value, 'a list of tools')
    if (!expected.ok) return unscored(expected.reason)
    const want = nameList(expected.value)
    const got = calls.map((c) => c.name)
    const same = want.length === got.length && want.every((n, i) => n === got[i])
    return same
      ? passed(`Called in the expected order: ${want.join(' → ')}`)
      : failed(`Called ${got.length === 0 ? 'no tool' : got.join(' → ')}, expected ${want.join(' → ')}`)
  })
}

const truthy = (v: unknown): boolean => v === true || v === 1 || /^(true|yes|1)$/i.test(asText(v).trim())

function noToolCall(rule: ToolRuleOf<'no_tool_call'>): DeterministicScorer {
  return answered((input, calls) => {
    if (rule.expectedField !== null) {
      const value = valueAt(input.case.expected, rule.expectedField)
      if (value === undefined) return unscored(`The case has no expected "${rule.expectedField}"`)
      if (!truthy(value))
        return unscored(`The case expects a tool call ("${rule.expectedField}" is not true)`)
    }
    return calls.length === 0
      ? passed('No tool was called')
      : failed(`Called ${names(calls)}, expected no tool call`)
  })
}

const toolOps: ReadonlySet<Rule['op']> = new Set<ToolRule['op']>([
  'tool_called',
  'tool_args_valid',
  'tool_arg',
  'tool_order',
  'no_tool_call',
])
export const isToolRule = (rule: Rule): rule is ToolRule => toolOps.has(rule.op)

/** A rule on the answer's tool calls, compiled once; schemas of the version's tools are compiled on first use. */
export function toolRuleScorer(rule: ToolRule): DeterministicScorer {
  switch (rule.op) {
    case 'tool_called':
      return toolCalled(rule)
    case 'tool_args_valid':
      return toolArgsValid(rule)
    case 'tool_arg':
      return toolArg(rule)
    case 'tool_order':
      return toolOrder(rule)
    case 'no_tool_call':
      return noToolCall(rule)
  }
}
