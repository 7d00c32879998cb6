import { outputValue, valueAt } from '../output'
import { failed, failedCall, type DeterministicScorer, type ScoreOutcome, type ScorerInput } from './types'

/** How a rule names what it looks at in its reasons. */
export const fieldName = (path: string): string => (path === '' ? 'the output' : path)

export type Expected = { ok: true; value: unknown } | { ok: false; reason: string }

/**
 * The value to compare with: the case's expected field, else the rule's literal. A field that is missing,
 * null or empty text means the dataset does not label this case: the rule cannot judge it (unscored), it is
 * not the model's fail.
 */
export function expectedFrom(input: ScorerInput, field: string | null, literal: unknown): Expected {
  if (field !== null) {
    const value = valueAt(input.case.expected, field)
    if (value === undefined || value === null || value === '')
      return { ok: false, reason: `The case has no expected "${field}"` }
    return { ok: true, value }
  }
  if (literal !== undefined && literal !== '') return { ok: true, value: literal }
  return { ok: false, reason: 'The rule names neither an expected field nor a value' }
}

/** Shared start of the output rules: a failed call fails, a missing output field fails. */
export function onOutput(
  path: string,
  check: (actual: unknown, input: ScorerInput) => ScoreOutcome,
): DeterministicScorer {
  return (input) => {
    if (input.output === null) return failedCall(input.failure ?? 'no output')
    const actual = outputValue(input.output, path)
    if (!actual.found) return failed(actual.reason)
    return check(actual.value, input)
  }
}

/** A decimal number as people and models write it: optional sign, digits, point, exponent. */
const strictNumber = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i

/**
 * A JSON number, or text that is exactly one decimal number once trimmed ("12.5", "-3", "1e3"). Anything
 * else is not a number: "12 apples", "$5", "1,5", "0x10", "Infinity" and "" are refused rather than read
 * the way `Number()` would (0x10 → 16, "" → 0), because a silently converted value would pass or fail a
 * case for the wrong reason.
 */
export function strictNumberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!strictNumber.test(text)) return null
  const n = Number(text)
  return Number.isFinite(n) ? n : null
}

/**
 * Text compared the way a reader sees it: Unicode NFC (so "é" typed as one code point or as e + accent is
 * the same text), lower-cased when the rule ignores case.
 */
export function foldText(text: string, ignoreCase: boolean): string {
  const normal = text.normalize('NFC')
  return ignoreCase ? normal.toLowerCase() : normal
}
