import { describe, expect, it } from 'vitest'
import { describeScorer } from '../../../renderer/src/features/prompts/suite/describe'
import { scorerFromForm } from '../../../renderer/src/stores/scoring/scorer-build'
import {
  blankScorerForm,
  formFromScorer,
  metricOf,
  labelOf,
  type ScorerForm,
} from '../../../renderer/src/stores/scoring/scorer-form'
import { valuesFrom } from '../../../renderer/src/stores/scoring/output-rule-form'
import { scorerSchema, type Scorer } from '../../../shared/domain/scoring'

const build = (patch: Partial<ScorerForm>) =>
  scorerFromForm({ ...blankScorerForm, kind: 'rule', ...patch }, [], [])
const rule = (r: unknown, metric = 'rule.x'): Scorer =>
  scorerSchema.parse({ metric, label: 'L', config: { kind: 'rule', rule: r } })
const problemOf = (patch: Partial<ScorerForm>): string => {
  const built = build(patch)
  return 'problem' in built ? built.problem : 'no problem'
}

describe('output rule forms (issue 20)', () => {
  const scorers: Scorer[] = [
    rule({ op: 'not_contains', path: '', expectedField: null, value: 'As an AI', ignoreCase: true }),
    rule({ op: 'starts_with', path: 'reply', expectedField: 'greeting', ignoreCase: false }),
    rule({ op: 'ends_with', path: '', expectedField: null, value: '— Ana', ignoreCase: true }),
    rule({
      op: 'one_of',
      path: 'category',
      expectedField: null,
      values: ['billing', 'outage'],
      ignoreCase: true,
    }),
    rule({ op: 'one_of', path: 'category', expectedField: 'allowed', ignoreCase: false }),
    rule({ op: 'numeric_close', path: 'total', expectedField: 'total', tolerance: 0.05, relative: true }),
    rule({
      op: 'numeric_close',
      path: '',
      expectedField: null,
      value: -3.5,
      tolerance: 0.5,
      relative: false,
    }),
    rule({ op: 'similarity', path: '', measure: 'rouge_l', expectedField: 'answer', min: 0.7 }),
    rule({
      op: 'similarity',
      path: 'summary',
      measure: 'bleu',
      expectedField: null,
      value: 'Paris is the capital',
      min: 0.3,
    }),
    rule({ op: 'json_field', path: 'customer.id', present: false }),
  ]

  it('round-trips every new operator through the form', () => {
    for (const scorer of scorers) {
      const back = scorerFromForm(formFromScorer(scorer), [], [])
      expect(back).toEqual({ scorer })
    }
  })

  it('describes each in one line', () => {
    expect(scorers.map((s) => describeScorer(s, []))).toEqual([
      'output does not contain "As an AI" (any case)',
      'reply starts with expected greeting',
      'output ends with "— Ana" (any case)',
      'category is one of billing | outage (any case)',
      'category is one of expected allowed',
      'total within ±5 % of expected total',
      'output within ±0.5 of -3.5',
      'ROUGE-L F1 of output to expected answer ≥ 0.7',
      'BLEU of summary to "Paris is the capital" ≥ 0.3',
      'JSON field customer.id is absent',
    ])
  })

  it('suggests a metric and a label from the operator and the field', () => {
    const form = (patch: Partial<ScorerForm>): ScorerForm => ({ ...blankScorerForm, kind: 'rule', ...patch })
    const similar = form({ op: 'similarity', measure: 'levenshtein', expectedField: 'answer' })
    expect(metricOf(similar)).toBe('output.levenshtein')
    expect(labelOf(similar, [])).toBe('Levenshtein ratio of output to expected answer ≥ 0.8')
    expect(metricOf(form({ op: 'starts_with', path: 'Reply Text' }))).toBe('reply_text.starts_with')
    expect(metricOf(form({ op: 'numeric_close', path: 'total' }))).toBe('total.close')
    expect(metricOf(form({ op: 'json_field', path: 'customer.id', present: false }))).toBe(
      'json.customer.id.absent',
    )
    expect(labelOf(form({ op: 'one_of', path: 'category' }), [])).toBe('category is one of …')
  })

  it('names what to fix', () => {
    expect(problemOf({ op: 'starts_with', expectedField: '' })).toBe(
      'Name the expected field to compare with.',
    )
    expect(problemOf({ op: 'one_of', target: 'literal', literal: ' | ' })).toMatch(/List the allowed values/)
    expect(problemOf({ op: 'numeric_close', target: 'literal', literal: '3 kg' })).toBe(
      '"3 kg" is not a number.',
    )
    expect(problemOf({ op: 'numeric_close', expectedField: 'n', tolerance: '-1' })).toMatch(/tolerance/)
    expect(problemOf({ op: 'similarity', expectedField: 'a', similarityMin: '1.5' })).toMatch(/from 0 to 1/)
    expect(problemOf({ op: 'json_field', path: ' ' })).toMatch(/Name the JSON field/)
  })

  it('reads allowed values as a JSON list or separated by |', () => {
    expect(valuesFrom('["a|b", "c", 3]')).toEqual(['a|b', 'c', '3'])
    expect(valuesFrom(' billing | outage |')).toEqual(['billing', 'outage'])
  })
})
