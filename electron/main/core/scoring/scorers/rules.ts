import type { z } from 'zod'
import type { ruleSchema } from '../../../../../shared/domain/scoring'
import { asText, outputValue, quote, valueAt } from '../output'
import { sameValue } from './compare'
import { numericCloseRule } from './numeric-rule'
import { similarityRule } from './similarity'
import { affixRule, jsonFieldRule, notContainsRule, oneOfRule } from './text-rules'
import { isToolRule, toolRuleScorer } from './tools'
import { failed, failedCall, passed, unscored, type DeterministicScorer, type ScorerInput } from './types'

export type Rule = z.output<typeof ruleSchema>
/** Rules on the answer's tool calls (scorers/tools.ts); the others read the output text. */
export type ToolRule = Extract<
  Rule,
  { op: 'tool_called' | 'tool_args_valid' | 'tool_arg' | 'tool_order' | 'no_tool_call' }
>

export { sameValue }
type RuleOf<K extends Rule['op']> = Extract<Rule, { op: K }>

type Expected = { ok: true; value: unknown } | { ok: false; reason: string }

/** The value to compare with: the case's expected field, else the rule's literal. */
function expectedValue(rule: RuleOf<'equals' | 'contains'>, input: ScorerInput): Expected {
  if (rule.expectedField !== null) {
    const value = valueAt(input.case.expected, rule.expectedField)
    // Not a fail: the dataset simply does not label this case, so the rule cannot judge it.
    if (value === undefined) return { ok: false, reason: `The case has no expected "${rule.expectedField}"` }
    return { ok: true, value }
  }
  if (rule.value !== undefined) return { ok: true, value: rule.value }
  return { ok: false, reason: 'The rule names neither an expected field nor a value' }
}

const fieldName = (path: string): string => (path === '' ? 'the output' : path)

/** Shared start of every rule: a failed call fails, a missing output field fails. */
function withActual(
  path: string,
  check: (actual: unknown, input: ScorerInput) => ReturnType<DeterministicScorer>,
): DeterministicScorer {
  return (input) => {
    if (input.output === null) return failedCall(input.failure ?? 'no output')
    const actual = outputValue(input.output, path)
    if (!actual.found) return failed(actual.reason)
    return check(actual.value, input)
  }
}

function equalsRule(rule: RuleOf<'equals'>): DeterministicScorer {
  return withActual(rule.path, (actual, input) => {
    const expected = expectedValue(rule, input)
    if (!expected.ok) return unscored(expected.reason)
    const name = fieldName(rule.path)
    return sameValue(actual, expected.value, rule.ignoreCase)
      ? passed(`${name} is ${quote(actual)} as expected`)
      : failed(`${name} is ${quote(actual)}, expected ${quote(expected.value)}`)
  })
}

function containsRule(rule: RuleOf<'contains'>): DeterministicScorer {
  return withActual(rule.path, (actual, input) => {
    const expected = expectedValue(rule, input)
    if (!expected.ok) return unscored(expected.reason)
    const fold = (s: string): string => (rule.ignoreCase ? s.toLowerCase() : s)
    const needle = asText(expected.value)
    const name = fieldName(rule.path)
    return fold(asText(actual)).includes(fold(needle))
      ? passed(`${name} contains ${quote(needle)}`)
      : failed(`${name} does not contain ${quote(needle)}`)
  })
}

function regexRule(rule: RuleOf<'regex'>): DeterministicScorer {
  // Stateful flags would make the same output pass and fail on alternate calls.
  const regex = new RegExp(rule.pattern, rule.flags.replace(/[gy]/g, ''))
  return withActual(rule.path, (actual) => {
    const name = fieldName(rule.path)
    return regex.test(asText(actual))
      ? passed(`${name} matches /${rule.pattern}/${rule.flags}`)
      : failed(`${name} does not match /${rule.pattern}/${rule.flags}`)
  })
}

/** Numbers, or text that is exactly a number ("0.8"); anything else is not in any range. */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  return null
}

function rangeRule(rule: RuleOf<'range'>): DeterministicScorer {
  return withActual(rule.path, (actual) => {
    const name = fieldName(rule.path)
    const n = asNumber(actual)
    if (n === null) return failed(`${name} is ${quote(actual)}, not a number`)
    if (rule.min !== null && n < rule.min) return failed(`${name} is ${n}, below the minimum ${rule.min}`)
    if (rule.max !== null && n > rule.max) return failed(`${name} is ${n}, above the maximum ${rule.max}`)
    return passed(`${name} is ${n}, within [${rule.min ?? '−∞'}, ${rule.max ?? '∞'}]`)
  })
}

/** A rule against the case's expected fields (or a literal), compiled once. */
export function ruleScorer(rule: Rule): DeterministicScorer {
  if (isToolRule(rule)) return toolRuleScorer(rule)
  switch (rule.op) {
    case 'equals':
      return equalsRule(rule)
    case 'contains':
      return containsRule(rule)
    case 'regex':
      return regexRule(rule)
    case 'range':
      return rangeRule(rule)
    case 'not_contains':
      return notContainsRule(rule)
    case 'starts_with':
    case 'ends_with':
      return affixRule(rule)
    case 'one_of':
      return oneOfRule(rule)
    case 'numeric_close':
      return numericCloseRule(rule)
    case 'similarity':
      return similarityRule(rule)
    case 'json_field':
      return jsonFieldRule(rule)
  }
}
