import { scorerSchema, type Rubric, type Scorer } from '../../../../shared/domain/scoring'
import { parseModelKey } from '../../../../shared/lib/model-ref'
import { buildAssertions, codeConfigOf } from './code-form'
import { buildOutputRule, isOutputOp } from './output-rule-form'
import { labelOf, metricOf, type ScorerForm } from './scorer-form'
import { buildToolRule } from './tool-rule-form'

type Config = Scorer['config']
/** A config, or the first thing the user has to fix. */
type Built = { config: Config } | { problem: string }

const metricPattern = /^[a-z][a-z0-9_.-]{0,59}$/

/** '' → null; a number → it; anything else → undefined (the caller reports it). */
function optionalNumber(text: string, integer: boolean): number | null | undefined {
  if (text.trim() === '') return null
  const n = Number(text)
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return undefined
  return n
}

function regexProblem(pattern: string, flags: string): string | null {
  if (!pattern) return 'Write a regular expression.'
  try {
    new RegExp(pattern, flags)
    return null
  } catch (error) {
    return `Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`
  }
}

/** The JSON Schema typed in the editor: it must be a JSON object (the core compiles it with ajv). */
export function parseSchemaText(text: string): { schema: Record<string, unknown> } | { problem: string } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      problem: `The JSON Schema is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: 'The JSON Schema must be a JSON object, e.g. { "type": "object" }.' }
  return { schema: value as Record<string, unknown> }
}

/** The bounds of a length check or a range rule: numbers or empty, at least one, min ≤ max. */
function bounds(form: ScorerForm, integer: boolean): { min: number | null; max: number | null } | string {
  const min = optionalNumber(form.min, integer)
  const max = optionalNumber(form.max, integer)
  const what = integer ? 'whole numbers' : 'numbers'
  if (min === undefined || max === undefined) return `Minimum and maximum must be ${what} (or empty).`
  if (min === null && max === null) return 'Give a minimum, a maximum or both.'
  if (min !== null && max !== null && min > max) return 'The minimum is larger than the maximum.'
  return { min, max }
}

function buildFormat(form: ScorerForm): Built {
  switch (form.check) {
    case 'json':
      return { config: { kind: 'format', format: { check: 'json' } } }
    case 'json_schema': {
      const parsed = parseSchemaText(form.schemaText)
      if ('problem' in parsed) return parsed
      return { config: { kind: 'format', format: { check: 'json_schema', schema: parsed.schema } } }
    }
    case 'version_schema':
      return { config: { kind: 'format', format: { check: 'version_schema' } } }
    case 'regex': {
      const problem = regexProblem(form.pattern, form.flags)
      if (problem) return { problem }
      const format = { check: 'regex' as const, pattern: form.pattern, flags: form.flags }
      return { config: { kind: 'format', format } }
    }
    case 'length': {
      const b = bounds(form, true)
      if (typeof b === 'string') return { problem: b }
      return { config: { kind: 'format', format: { check: 'length', unit: form.lengthUnit, ...b } } }
    }
  }
}

/** A literal to compare with: JSON when it reads as JSON (true, 3, "p1"), else the text itself. */
export function literalValue(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function buildComparison(form: ScorerForm, op: 'equals' | 'contains'): Built {
  const path = form.path.trim()
  const ignoreCase = form.ignoreCase
  if (form.target === 'expected') {
    const expectedField = form.expectedField.trim()
    if (!expectedField) return { problem: 'Name the expected field to compare with.' }
    return { config: { kind: 'rule', rule: { op, path, expectedField, ignoreCase } } }
  }
  if (form.literal === '') return { problem: 'Type the value to compare with.' }
  const rule =
    op === 'equals'
      ? { op, path, expectedField: null, value: literalValue(form.literal), ignoreCase }
      : { op, path, expectedField: null, value: form.literal, ignoreCase }
  return { config: { kind: 'rule', rule } }
}

function buildRule(form: ScorerForm): Built {
  const path = form.path.trim()
  switch (form.op) {
    case 'equals':
    case 'contains':
      return buildComparison(form, form.op)
    case 'regex': {
      const problem = regexProblem(form.pattern, form.flags)
      if (problem) return { problem }
      return {
        config: { kind: 'rule', rule: { op: 'regex', path, pattern: form.pattern, flags: form.flags } },
      }
    }
    case 'range': {
      const b = bounds(form, false)
      if (typeof b === 'string') return { problem: b }
      return { config: { kind: 'rule', rule: { op: 'range', path, ...b } } }
    }
    default:
      return isOutputOp(form.op) ? buildOutputRule(form, form.op) : buildToolRule(form, form.op)
  }
}

function buildRubricScorer(form: ScorerForm, rubrics: readonly Rubric[]): Built {
  const rubric = rubrics.find((r) => r.id === form.rubricId)
  if (!rubric) return { problem: 'Choose a rubric.' }
  if (!rubric.criteria.some((c) => c.key === form.criterionKey)) return { problem: 'Choose a criterion.' }
  const ref = { rubricId: rubric.id, criterionKey: form.criterionKey }
  if (form.kind === 'human') return { config: { kind: 'human', ...ref } }
  const model = parseModelKey(form.model)
  if (!model) return { problem: 'Write the judge model as provider/model, e.g. openai/gpt-4o-mini.' }
  const samples = Number(form.samples)
  if (!Number.isInteger(samples) || samples < 1 || samples > 9)
    return { problem: 'Samples must be a whole number from 1 to 9.' }
  return { config: { kind: 'judge', ...ref, model, samples } }
}

function buildConfig(form: ScorerForm, rubrics: readonly Rubric[]): Built {
  switch (form.kind) {
    case 'format':
      return buildFormat(form)
    case 'rule':
      return buildRule(form)
    case 'judge':
    case 'human':
      return buildRubricScorer(form, rubrics)
    case 'code':
      return codeConfigOf(form)
    case 'assertions':
      return buildAssertions(form)
  }
}

/**
 * The scorer the form describes, or the first problem to fix. `otherMetrics` are the metrics of the suite's
 * other scorers: gate rules name a metric, so two scorers may not produce the same one.
 */
export function scorerFromForm(
  form: ScorerForm,
  rubrics: readonly Rubric[],
  otherMetrics: readonly string[],
): { scorer: Scorer } | { problem: string } {
  const metric = metricOf(form)
  if (!metricPattern.test(metric))
    return { problem: 'Metric names are lower-case letters, digits, dots, dashes or _, e.g. format.json.' }
  if (otherMetrics.includes(metric)) return { problem: `Another scorer already produces "${metric}".` }
  const built = buildConfig(form, rubrics)
  if ('problem' in built) return built
  const label = labelOf(form, rubrics)
  if (!label) return { problem: 'Give the scorer a label.' }
  const parsed = scorerSchema.safeParse({ metric, label, config: built.config })
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'This scorer is not valid.' }
  return { scorer: parsed.data }
}
