import { isDeepStrictEqual } from 'node:util'
import {
  binary,
  requireValue,
  scored,
  type AssertionInput,
  type PromptfooAssertionResult,
} from './promptfoo-schema'
import { parseCommaSeparatedValues } from './promptfoo-values'

/**
 * String assertions as promptfoo decides them: src/assertions/equals.ts, contains.ts, startsWith.ts and
 * regex.ts in promptfoo/promptfoo. `inverse` is the `not-` form; pass is the base result XOR inverse.
 */

/** equals: an object value deep-equals the parsed output; anything else is compared as a string. */
export function checkEquals({
  assertion,
  type,
  value,
  output,
  inverse,
}: AssertionInput): PromptfooAssertionResult {
  let pass: boolean
  let shown: string
  if (typeof value === 'object') {
    try {
      pass = isDeepStrictEqual(value, JSON.parse(output)) !== inverse
    } catch {
      pass = inverse
    }
    shown = JSON.stringify(value)
  } else {
    const form = assertion.normalizeUnicode === true ? 'NFC' : assertion.normalizeUnicode || undefined
    const normalise = (text: string): string => (form ? text.normalize(form) : text)
    shown = scalarText(value)
    pass = (normalise(shown) === normalise(output)) !== inverse
  }
  return binary(type, pass, `Expected output "${output}" to ${inverse ? 'not ' : ''}equal "${shown}"`)
}

/** promptfoo's String(value) for the scalars a YAML or JSON file can hold. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value)
  return JSON.stringify(value) ?? String(typeof value)
}

function singleValue(type: string, value: unknown): string {
  const ok =
    (typeof value === 'string' && value !== '') || (typeof value === 'number' && !Number.isNaN(value))
  requireValue(ok, `"${type}" assertion type must have a string or number value`)
  return String(value)
}

function valueList(type: string, value: unknown): string[] {
  requireValue(Boolean(value), `"${type}" assertion type must have a value`)
  const list = typeof value === 'string' ? parseCommaSeparatedValues(value) : value
  requireValue(Array.isArray(list), `"${type}" assertion type must have an array value`)
  return list.map((item: unknown) => String(item))
}

function caseFolder(caseInsensitive: boolean): (text: string) => string {
  return caseInsensitive ? (text) => text.toLowerCase() : (text) => text
}

export function checkContains(input: AssertionInput, caseInsensitive: boolean): PromptfooAssertionResult {
  const base = caseInsensitive ? 'icontains' : 'contains'
  const needle = singleValue(base, input.value)
  const fold = caseFolder(caseInsensitive)
  const pass = fold(input.output).includes(fold(needle)) !== input.inverse
  return binary(input.type, pass, `Expected output to ${input.inverse ? 'not ' : ''}contain "${needle}"`)
}

export function checkContainsAny(input: AssertionInput, caseInsensitive: boolean): PromptfooAssertionResult {
  const list = valueList(caseInsensitive ? 'icontains-any' : 'contains-any', input.value)
  const fold = caseFolder(caseInsensitive)
  const pass = list.some((item) => fold(input.output).includes(fold(item))) !== input.inverse
  const not = input.inverse ? 'not ' : ''
  return binary(input.type, pass, `Expected output to ${not}contain one of "${list.join(', ')}"`)
}

export function checkContainsAll(input: AssertionInput, caseInsensitive: boolean): PromptfooAssertionResult {
  const list = valueList(caseInsensitive ? 'icontains-all' : 'contains-all', input.value)
  const fold = caseFolder(caseInsensitive)
  const missing = list.filter((item) => !fold(input.output).includes(fold(item)))
  const pass = (missing.length === 0) !== input.inverse
  const not = input.inverse ? 'not ' : ''
  const reason = `Expected output to ${not}contain all of [${list.join(', ')}]. Missing: [${missing.join(', ')}]`
  return binary(input.type, pass, reason)
}

export function checkStartsWith({ type, value, output, inverse }: AssertionInput): PromptfooAssertionResult {
  requireValue(
    typeof value === 'string' && value !== '',
    '"starts-with" assertion type must have a string value',
  )
  const pass = output.startsWith(value) !== inverse
  return binary(type, pass, `Expected output to ${inverse ? 'not ' : ''}start with "${value}"`)
}

/** regex: the value is compiled with no flags; an invalid pattern fails (even under `not-`). */
export function checkRegex({ type, value, output, inverse }: AssertionInput): PromptfooAssertionResult {
  requireValue(typeof value === 'string' && value !== '', '"regex" assertion type must have a string value')
  let pattern: RegExp
  try {
    pattern = new RegExp(value)
  } catch (error) {
    const message = error instanceof Error ? error.message : 'unknown error'
    return scored(type, false, 0, `Invalid regex pattern: ${message}`)
  }
  const pass = pattern.test(output) !== inverse
  return binary(type, pass, `Expected output to ${inverse ? 'not ' : ''}match regex "${value}"`)
}
