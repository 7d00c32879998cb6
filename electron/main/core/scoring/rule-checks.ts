import type { Scorer } from '../../../../shared/domain/scoring'

type RuleConfig = Extract<Scorer['config'], { kind: 'rule' }>['rule']
type RuleOf<K extends RuleConfig['op']> = Extract<RuleConfig, { op: K }>

/** A field of the rule (relative to `rule.`) and what is wrong with it. */
export interface RuleProblem {
  field: string
  message: string
}

const problem = (field: string, message: string): RuleProblem => ({ field, message })

/** Needs something to compare with: a named expected field, or a literal that is not blank. */
function againstProblem(rule: { expectedField: string | null; value?: unknown }): RuleProblem | null {
  if (rule.expectedField !== null) {
    return rule.expectedField.trim() === ''
      ? problem('expectedField', 'the expected field name is empty')
      : null
  }
  if (rule.value === undefined)
    return problem('expectedField', 'name an expected field of the cases, or give a value')
  if (typeof rule.value === 'string' && rule.value.trim() === '')
    return problem('value', 'the value is empty, so every output would match it')
  return null
}

function oneOfProblem(rule: RuleOf<'one_of'>): RuleProblem | null {
  if (rule.expectedField !== null) return againstProblem(rule)
  if (rule.values === undefined)
    return problem('expectedField', 'name an expected field of the cases, or list the allowed values')
  const blank = rule.values.findIndex((v) => v.trim() === '')
  return blank >= 0 ? problem(`values.${blank}`, 'an allowed value is empty') : null
}

function numericProblem(rule: RuleOf<'numeric_close'>): RuleProblem | null {
  const against = againstProblem(rule)
  if (against) return against
  if (rule.expectedField === null && rule.relative && rule.value === 0)
    return problem('relative', 'a relative tolerance of 0 allows no difference at all: use an absolute one')
  return null
}

/**
 * What zod cannot see in issue 20's output rules: each needs something to compare with that can match.
 * (A case without the expected field is left unscored when scored; a rule that can never judge any case
 * is refused on save instead.)
 */
export function outputRuleProblem(rule: RuleConfig): RuleProblem | null {
  switch (rule.op) {
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
    case 'similarity':
      return againstProblem(rule)
    case 'one_of':
      return oneOfProblem(rule)
    case 'numeric_close':
      return numericProblem(rule)
    case 'json_field':
      return rule.path.split('.').some((step) => step === '')
        ? problem('path', 'a dot path has an empty step (e.g. "a..b" or a trailing dot)')
        : null
    default:
      return null
  }
}
