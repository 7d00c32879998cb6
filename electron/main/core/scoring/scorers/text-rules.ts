import { asText, parseJson, quote, valueAt } from '../output'
import type { Rule } from './rules'
import { expectedFrom, fieldName, foldText, onOutput } from './rule-input'
import { failed, failedCall, passed, unscored, type DeterministicScorer } from './types'

type RuleOf<K extends Rule['op']> = Extract<Rule, { op: K }>

/** The output must not contain the expected text (the field's value, or the literal). */
export function notContainsRule(rule: RuleOf<'not_contains'>): DeterministicScorer {
  return onOutput(rule.path, (actual, input) => {
    const expected = expectedFrom(input, rule.expectedField, rule.value)
    if (!expected.ok) return unscored(expected.reason)
    const needle = asText(expected.value)
    // Every answer with a space would "contain" a blank expectation: it says nothing, so it cannot judge.
    if (needle.trim() === '') return unscored('The expected text is only whitespace')
    const name = fieldName(rule.path)
    return foldText(asText(actual), rule.ignoreCase).includes(foldText(needle, rule.ignoreCase))
      ? failed(`${name} contains ${quote(needle)}`)
      : passed(`${name} does not contain ${quote(needle)}`)
  })
}

/**
 * Starts or ends with the expected text. Both sides are trimmed first: a model's leading newline or
 * trailing space is not part of the answer a reader sees, and a spreadsheet cell's stray space is not
 * part of the expectation.
 */
export function affixRule(rule: RuleOf<'starts_with' | 'ends_with'>): DeterministicScorer {
  const verb = rule.op === 'starts_with' ? 'starts' : 'ends'
  return onOutput(rule.path, (actual, input) => {
    const expected = expectedFrom(input, rule.expectedField, rule.value)
    if (!expected.ok) return unscored(expected.reason)
    const affix = asText(expected.value).trim()
    if (affix === '') return unscored('The expected text is only whitespace')
    const text = foldText(asText(actual).trim(), rule.ignoreCase)
    const wanted = foldText(affix, rule.ignoreCase)
    const ok = rule.op === 'starts_with' ? text.startsWith(wanted) : text.endsWith(wanted)
    const name = fieldName(rule.path)
    return ok
      ? passed(`${name} ${verb} with ${quote(affix)}`)
      : failed(`${name} does not ${verb.slice(0, -1)} with ${quote(affix)}: ${quote(actual)}`)
  })
}

type Allowed = { ok: true; values: string[] } | { ok: false; reason: string }

/** The allowed values of a case's field: a list, a JSON list in text, `a|b|c`, or one scalar. */
export function allowedValues(field: string, raw: unknown): Allowed {
  const scalarText = (v: unknown): string | null =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v).trim() : null
  let list: unknown[]
  if (Array.isArray(raw)) list = raw
  else if (typeof raw === 'string' && raw.trim().startsWith('[')) {
    const parsed = parseJson(raw)
    if (!parsed.ok || !Array.isArray(parsed.value))
      return { ok: false, reason: `The case's expected "${field}" starts with "[" but is not a JSON list` }
    list = parsed.value
  } else if (typeof raw === 'string') list = raw.split('|')
  else if (scalarText(raw) !== null) list = [raw]
  else return { ok: false, reason: `The case's expected "${field}" is not a list of values` }
  const values = list.map(scalarText)
  if (values.some((v) => v === null))
    return {
      ok: false,
      reason: `The case's expected "${field}" lists something that is not text or a number`,
    }
  const named = (values as string[]).filter((v) => v !== '')
  if (named.length === 0) return { ok: false, reason: `The case's expected "${field}" lists no values` }
  return { ok: true, values: named }
}

/** The first few allowed values for a reason; a 500-value enum would drown it. */
function listedValues(values: readonly string[], shown = 10): string {
  const head = values.slice(0, shown).map((v) => quote(v, 40))
  return values.length > shown ? `${head.join(', ')}… (${values.length} in all)` : head.join(', ')
}

/** The output (trimmed) equals one of the allowed values, an enum check. */
export function oneOfRule(rule: RuleOf<'one_of'>): DeterministicScorer {
  return onOutput(rule.path, (actual, input) => {
    let allowed: Allowed
    if (rule.expectedField !== null) {
      const expected = expectedFrom(input, rule.expectedField, undefined)
      allowed = expected.ok ? allowedValues(rule.expectedField, expected.value) : expected
    } else if (rule.values && rule.values.length > 0) allowed = { ok: true, values: rule.values }
    else allowed = { ok: false, reason: 'The rule names neither an expected field nor values' }
    if (!allowed.ok) return unscored(allowed.reason)
    const name = fieldName(rule.path)
    const listed = listedValues(allowed.values)
    if (actual !== null && typeof actual === 'object')
      return failed(`${name} is ${quote(actual)}, not a single value (allowed: ${listed})`)
    const fold = (v: unknown): string => foldText(String(v).trim(), rule.ignoreCase)
    const text = fold(actual)
    return allowed.values.some((v) => fold(v) === text)
      ? passed(`${name} is ${quote(actual)}, one of the allowed values`)
      : failed(`${name} is ${quote(actual)}, not one of ${listed}`)
  })
}

/** A JSON field is there (null counts: the model wrote the key) or is not; output that is not JSON fails. */
export function jsonFieldRule(rule: RuleOf<'json_field'>): DeterministicScorer {
  return (input) => {
    if (input.output === null) return failedCall(input.failure ?? 'no output')
    const parsed = parseJson(input.output)
    if (!parsed.ok)
      return failed(`The output is not JSON (${parsed.error}), so "${rule.path}" cannot be checked`)
    const value = valueAt(parsed.value, rule.path)
    if (rule.present)
      return value === undefined
        ? failed(`The output has no "${rule.path}"`)
        : passed(`The output has "${rule.path}": ${quote(value)}`)
    return value === undefined
      ? passed(`The output has no "${rule.path}", as required`)
      : failed(`The output has "${rule.path}" (${quote(value)}), which must be absent`)
  }
}
