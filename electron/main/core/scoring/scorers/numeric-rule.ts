import { quote } from '../output'
import type { Rule } from './rules'
import { expectedFrom, fieldName, onOutput, strictNumberOf } from './rule-input'
import { failed, passed, unscored, type DeterministicScorer } from './types'

type NumericRule = Extract<Rule, { op: 'numeric_close' }>

/**
 * Decimal text does not survive binary floating point exactly (|1.1 − 1.0| is 0.10000000000000009), so a
 * difference equal to the tolerance on paper must not fail by a rounding error: allow a few ulps of slack,
 * scaled to the numbers compared.
 */
const withinTolerance = (difference: number, allowed: number, scale: number): boolean =>
  difference - allowed <= 1e-12 * Math.max(1, scale)

const shown = (n: number): string => String(Number(n.toPrecision(12)))

/** A number within `tolerance` of the expected number: absolute, or a share of the expected when `relative`. */
export function numericCloseRule(rule: NumericRule): DeterministicScorer {
  return onOutput(rule.path, (actual, input) => {
    const expected = expectedFrom(input, rule.expectedField, rule.value)
    if (!expected.ok) return unscored(expected.reason)
    const target = strictNumberOf(expected.value)
    // The dataset's value is wrong, not the model's answer: the case cannot be judged.
    if (target === null) return unscored(`The expected value ${quote(expected.value)} is not a number`)
    const name = fieldName(rule.path)
    const n = strictNumberOf(actual)
    if (n === null) return failed(`${name} is ${quote(actual)}, not a number`)
    const difference = Math.abs(n - target)
    const allowed = rule.relative ? rule.tolerance * Math.abs(target) : rule.tolerance
    const details = { actual: n, expected: target, difference, allowed }
    const margin = rule.relative ? `${shown(rule.tolerance * 100)} %` : shown(rule.tolerance)
    return withinTolerance(difference, allowed, Math.max(Math.abs(n), Math.abs(target)))
      ? passed(`${name} is ${shown(n)}, within ${margin} of ${shown(target)}`, details)
      : failed(
          `${name} is ${shown(n)}, off by ${shown(difference)} from ${shown(target)} (allowed ${margin})`,
          details,
        )
  })
}
