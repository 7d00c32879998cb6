import type { Scorer } from '../../../../shared/domain/scoring'
import type { ScorerForm } from './scorer-form'

type RuleConfig = Extract<Scorer['config'], { kind: 'rule' }>['rule']
export const outputRuleOps = [
  'not_contains',
  'starts_with',
  'ends_with',
  'one_of',
  'numeric_close',
  'similarity',
  'json_field',
] as const
export type OutputRuleOp = (typeof outputRuleOps)[number]
export type OutputRuleConfig = Extract<RuleConfig, { op: OutputRuleOp }>
export const similarityMeasures = ['levenshtein', 'rouge_l', 'bleu'] as const
export type SimilarityMeasure = (typeof similarityMeasures)[number]

export const isOutputOp = (op: string): op is OutputRuleOp =>
  (outputRuleOps as readonly string[]).includes(op)

export const measureLabels: Record<SimilarityMeasure, string> = {
  levenshtein: 'Levenshtein ratio',
  rouge_l: 'ROUGE-L F1',
  bleu: 'BLEU',
}

type Built = { config: Scorer['config'] } | { problem: string }
const rule = (r: OutputRuleConfig): Built => ({ config: { kind: 'rule', rule: r } })

/** The allowed values of a one-of rule as typed: a JSON list, or values separated by `|`. */
export function valuesFrom(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text)
    if (Array.isArray(parsed)) return parsed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
  } catch {
    // Not JSON: a|b|c.
  }
  return text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** A strict number: "0.5" and "-3" are numbers, "", "3 kg" and "0x10" are not. */
function strictNumber(text: string): number | null {
  const t = text.trim()
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null
  return Number(t)
}

/** The expected field, or the literal: which one the form's target says. */
function against(form: ScorerForm): { expectedField: string } | { literal: string } | { problem: string } {
  if (form.target === 'expected') {
    const expectedField = form.expectedField.trim()
    return expectedField ? { expectedField } : { problem: 'Name the expected field to compare with.' }
  }
  return form.literal === '' ? { problem: 'Type the value to compare with.' } : { literal: form.literal }
}

function buildText(form: ScorerForm, op: 'not_contains' | 'starts_with' | 'ends_with'): Built {
  const target = against(form)
  if ('problem' in target) return target
  const base = { op, path: form.path.trim(), ignoreCase: form.ignoreCase }
  return 'expectedField' in target
    ? rule({ ...base, expectedField: target.expectedField })
    : rule({ ...base, expectedField: null, value: target.literal })
}

function buildOneOf(form: ScorerForm): Built {
  const target = against(form)
  if ('problem' in target) return target
  const base = { op: 'one_of' as const, path: form.path.trim(), ignoreCase: form.ignoreCase }
  if ('expectedField' in target) return rule({ ...base, expectedField: target.expectedField })
  const values = valuesFrom(target.literal)
  if (values.length === 0) return { problem: 'List the allowed values, e.g. billing | outage | account.' }
  return rule({ ...base, expectedField: null, values })
}

function buildNumericClose(form: ScorerForm): Built {
  const target = against(form)
  if ('problem' in target) return target
  const tolerance = strictNumber(form.tolerance)
  if (tolerance === null || tolerance < 0) return { problem: 'The tolerance must be a number ≥ 0.' }
  const base = { op: 'numeric_close' as const, path: form.path.trim(), tolerance, relative: form.relative }
  if ('expectedField' in target) return rule({ ...base, expectedField: target.expectedField })
  const value = strictNumber(target.literal)
  if (value === null) return { problem: `"${target.literal}" is not a number.` }
  return rule({ ...base, expectedField: null, value })
}

function buildSimilarity(form: ScorerForm): Built {
  const target = against(form)
  if ('problem' in target) return target
  const min = strictNumber(form.similarityMin)
  if (min === null || min < 0 || min > 1)
    return { problem: 'The minimum similarity is a number from 0 to 1.' }
  const base = { op: 'similarity' as const, path: form.path.trim(), measure: form.measure, min }
  return 'expectedField' in target
    ? rule({ ...base, expectedField: target.expectedField })
    : rule({ ...base, expectedField: null, value: target.literal })
}

/** The output rule the form describes, or the first thing to fix. */
export function buildOutputRule(form: ScorerForm, op: OutputRuleOp): Built {
  switch (op) {
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
      return buildText(form, op)
    case 'one_of':
      return buildOneOf(form)
    case 'numeric_close':
      return buildNumericClose(form)
    case 'similarity':
      return buildSimilarity(form)
    case 'json_field': {
      const path = form.path.trim()
      return path
        ? rule({ op, path, present: form.present })
        : { problem: 'Name the JSON field, e.g. category.' }
    }
  }
}

const targetFields = (expectedField: string | null, literal: string): Partial<ScorerForm> =>
  expectedField !== null
    ? { target: 'expected', expectedField, literal: '' }
    : { target: 'literal', expectedField: '', literal }

/** The form fields showing an output rule, for editing it. */
export function outputRuleFields(r: OutputRuleConfig): Partial<ScorerForm> {
  const base = { op: r.op, path: r.path }
  switch (r.op) {
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
      return { ...base, ignoreCase: r.ignoreCase, ...targetFields(r.expectedField, r.value ?? '') }
    case 'one_of':
      return {
        ...base,
        ignoreCase: r.ignoreCase,
        ...targetFields(r.expectedField, (r.values ?? []).join(' | ')),
      }
    case 'numeric_close':
      return {
        ...base,
        tolerance: String(r.tolerance),
        relative: r.relative,
        ...targetFields(r.expectedField, r.value === undefined ? '' : String(r.value)),
      }
    case 'similarity':
      return {
        ...base,
        measure: r.measure,
        similarityMin: String(r.min),
        ...targetFields(r.expectedField, r.value ?? ''),
      }
    case 'json_field':
      return { ...base, present: r.present }
  }
}

const opWords: Record<OutputRuleOp, string> = {
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  one_of: 'is one of',
  numeric_close: 'is close to',
  similarity: 'is similar to',
  json_field: 'is present',
}

/** "output" for the whole text, else the field. */
const subjectOf = (path: string): string => path.trim() || 'output'

function targetText(expectedField: string | null, literal: string): string {
  return expectedField !== null ? `expected ${expectedField || '…'}` : `"${literal}"`
}

function closeText(r: Extract<OutputRuleConfig, { op: 'numeric_close' }>): string {
  const target = r.expectedField !== null ? `expected ${r.expectedField}` : String(r.value ?? '…')
  const tolerance = r.relative ? `${Math.round(r.tolerance * 10_000) / 100} %` : String(r.tolerance)
  return `${subjectOf(r.path)} within ±${tolerance} of ${target}`
}

/** What an output rule checks, in one line: "answer starts with expected greeting (any case)". */
export function describeOutputRule(r: OutputRuleConfig): string {
  const anyCase = 'ignoreCase' in r && r.ignoreCase ? ' (any case)' : ''
  switch (r.op) {
    case 'not_contains':
    case 'starts_with':
    case 'ends_with':
      return `${subjectOf(r.path)} ${opWords[r.op]} ${targetText(r.expectedField, r.value ?? '')}${anyCase}`
    case 'one_of': {
      const allowed = r.expectedField !== null ? `expected ${r.expectedField}` : (r.values ?? []).join(' | ')
      return `${subjectOf(r.path)} is one of ${allowed}${anyCase}`
    }
    case 'numeric_close':
      return closeText(r)
    case 'similarity':
      return `${measureLabels[r.measure]} of ${subjectOf(r.path)} to ${targetText(r.expectedField, r.value ?? '')} ≥ ${r.min}`
    case 'json_field':
      return `JSON field ${r.path} is ${r.present ? 'present' : 'absent'}`
  }
}

/** A metric name part from a path: "labels.0" stays, "Answer Text" → "answer_text". */
const metricPart = (path: string): string =>
  path
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40)

/** The suggested metric: "output.starts_with", "answer.rouge_l", "json.category.present". */
export function outputRuleMetric(form: ScorerForm, op: OutputRuleOp): string {
  const subject = metricPart(form.path) || 'output'
  switch (op) {
    case 'similarity':
      return `${subject}.${form.measure}`
    case 'numeric_close':
      return `${subject}.close`
    case 'json_field':
      return `json.${metricPart(form.path) || 'field'}.${form.present ? 'present' : 'absent'}`
    default:
      return `${subject}.${op}`
  }
}

/** The suggested label, in the words of the one-line description. */
export function outputRuleLabel(form: ScorerForm, op: OutputRuleOp): string {
  const built = buildOutputRule(form, op)
  if ('config' in built && built.config.kind === 'rule' && isOutputOp(built.config.rule.op))
    return describeOutputRule(built.config.rule as OutputRuleConfig).replace(/ \(any case\)$/, '')
  const subject = subjectOf(form.path)
  return op === 'json_field' ? `JSON field ${form.path.trim() || '…'}` : `${subject} ${opWords[op]} …`
}
