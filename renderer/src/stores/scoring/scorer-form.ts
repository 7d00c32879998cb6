import type { Rubric, RubricCriterion, Scorer } from '../../../../shared/domain/scoring'
import { modelKey } from '../../../../shared/lib/model-ref'
import { assertionsFields, codeFields, codeLabel, codeMetric, starterSource } from './code-form'
import {
  isOutputOp,
  outputRuleFields,
  outputRuleLabel,
  outputRuleMetric,
  outputRuleOps,
  type OutputRuleConfig,
  type SimilarityMeasure,
} from './output-rule-form'
import {
  isToolOp,
  toolRuleFields,
  toolRuleLabel,
  toolRuleMetric,
  toolRuleOps,
  type argCompares,
  type ToolRuleConfig,
} from './tool-rule-form'

export const scorerKinds = ['format', 'rule', 'judge', 'human', 'code', 'assertions'] as const
export type ScorerKind = (typeof scorerKinds)[number]
export const formatChecks = ['json', 'json_schema', 'version_schema', 'regex', 'length'] as const
export type FormatCheckKind = (typeof formatChecks)[number]
export const ruleOps = ['equals', 'contains', 'regex', 'range', ...outputRuleOps, ...toolRuleOps] as const
export type RuleOp = (typeof ruleOps)[number]

/**
 * The add/edit scorer form. Fields stay text until the scorer is built, so typing never loses a keystroke;
 * `pattern`/`flags` and `min`/`max` serve both the format and the rule kinds.
 */
export interface ScorerForm {
  kind: ScorerKind
  /** Until edited, the metric name and the label follow the configuration ("format.json_schema"). */
  metric: string
  metricEdited: boolean
  label: string
  labelEdited: boolean
  check: FormatCheckKind
  schemaText: string
  pattern: string
  flags: string
  lengthUnit: 'chars' | 'words'
  min: string
  max: string
  op: RuleOp
  path: string
  /** Compare with the case's expected field or with a literal typed here (equals, contains). */
  target: 'expected' | 'literal'
  expectedField: string
  literal: string
  ignoreCase: boolean
  /** Tool rules: the tool's name ('' = any tool), and how an argument is compared. */
  tool: string
  argCompare: (typeof argCompares)[number]
  rubricId: string
  criterionKey: string
  /** "provider/model" of the judge. */
  model: string
  samples: string
  /** Output rules (issue 20): numeric tolerance, similarity measure and minimum, JSON field presence. */
  tolerance: string
  relative: boolean
  measure: SimilarityMeasure
  similarityMin: string
  present: boolean
  /** Code scorers: the JavaScript and its per-call limits. */
  source: string
  timeLimitMs: string
  memoryLimitMb: string
  /** promptfoo assertions: the expected field holding them, and "provider/model" grading llm-rubric ('' = none). */
  assertionsField: string
  judgeModel: string
}

export const blankScorerForm: ScorerForm = {
  kind: 'format',
  metric: '',
  metricEdited: false,
  label: '',
  labelEdited: false,
  check: 'json',
  schemaText: '{\n  "type": "object",\n  "required": []\n}',
  pattern: '',
  flags: '',
  lengthUnit: 'chars',
  min: '',
  max: '',
  op: 'equals',
  path: '',
  target: 'expected',
  expectedField: '',
  literal: '',
  ignoreCase: true,
  tool: '',
  argCompare: 'equals',
  rubricId: '',
  criterionKey: '',
  model: 'demo/triage-sim-2026-03',
  samples: '1',
  tolerance: '0',
  relative: false,
  measure: 'rouge_l',
  similarityMin: '0.8',
  present: true,
  source: starterSource,
  timeLimitMs: '250',
  memoryLimitMb: '16',
  assertionsField: 'assertions',
  judgeModel: '',
}

export function findCriterion(
  rubrics: readonly Rubric[],
  rubricId: string,
  key: string,
): RubricCriterion | null {
  return rubrics.find((r) => r.id === rubricId)?.criteria.find((c) => c.key === key) ?? null
}

/** A metric name from free text: "labels.0" stays, "Needs Human" → "needs_human". */
function metricFrom(text: string, fallback: string): string {
  const cleaned = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '_')
    .slice(0, 60)
  return /^[a-z]/.test(cleaned) ? cleaned : fallback
}

export function suggestedMetric(form: ScorerForm): string {
  switch (form.kind) {
    case 'format':
      return `format.${form.check}`
    case 'rule':
      return ruleMetric(form)
    case 'judge':
    case 'human':
      return form.criterionKey ? `${form.kind}.${form.criterionKey}` : form.kind
    case 'code':
      return codeMetric
    case 'assertions':
      return 'promptfoo.assertions'
  }
}

function ruleMetric(form: ScorerForm): string {
  if (isToolOp(form.op)) return toolRuleMetric(form, form.op)
  if (isOutputOp(form.op)) return outputRuleMetric(form, form.op)
  return metricFrom(form.path, `rule.${form.op}`)
}

function ruleLabel(form: ScorerForm): string {
  if (isToolOp(form.op)) return toolRuleLabel(form, form.op)
  if (isOutputOp(form.op)) return outputRuleLabel(form, form.op)
  const subject = form.path.trim() || 'output'
  const against =
    form.target === 'expected' ? `expected ${form.expectedField.trim() || '…'}` : `"${form.literal}"`
  switch (form.op) {
    case 'equals':
      return `${subject} equals ${against}`
    case 'contains':
      return `${subject} contains ${against}`
    case 'regex':
      return `${subject} matches /${form.pattern}/${form.flags}`
    case 'range':
      return `${subject} within ${form.min.trim() || '−∞'}…${form.max.trim() || '∞'}`
  }
}

function formatLabel(form: ScorerForm): string {
  switch (form.check) {
    case 'json':
      return 'Output parses as JSON'
    case 'json_schema':
      return 'Output matches the JSON Schema'
    case 'version_schema':
      return "Output matches the version's response format schema"
    case 'regex':
      return `Output matches /${form.pattern}/${form.flags}`
    case 'length':
      return `Length ${form.min.trim() || '0'}…${form.max.trim() || '∞'} ${form.lengthUnit}`
  }
}

export function suggestedLabel(form: ScorerForm, rubrics: readonly Rubric[]): string {
  const criterion = findCriterion(rubrics, form.rubricId, form.criterionKey)
  const name = criterion?.name ?? form.criterionKey
  switch (form.kind) {
    case 'format':
      return formatLabel(form)
    case 'rule':
      return ruleLabel(form)
    case 'judge':
      return name ? `${name} (LLM judge)` : ''
    case 'human':
      return name ? `${name} (human review)` : ''
    case 'code':
      return codeLabel
    case 'assertions':
      return 'promptfoo assertions'
  }
}

export const metricOf = (form: ScorerForm): string =>
  form.metricEdited ? form.metric.trim() : suggestedMetric(form)

export const labelOf = (form: ScorerForm, rubrics: readonly Rubric[]): string =>
  form.labelEdited ? form.label.trim() : suggestedLabel(form, rubrics)

/** The form showing an existing scorer, for editing it. */
export function formFromScorer(scorer: Scorer): ScorerForm {
  const config = scorer.config
  const base: ScorerForm = {
    ...blankScorerForm,
    kind: config.kind,
    metric: scorer.metric,
    metricEdited: true,
    label: scorer.label,
    labelEdited: true,
  }
  switch (config.kind) {
    case 'format':
      return { ...base, ...formatFields(config.format) }
    case 'rule':
      return { ...base, ...ruleFields(config.rule) }
    case 'judge':
      return {
        ...base,
        rubricId: config.rubricId,
        criterionKey: config.criterionKey,
        model: modelKey(config.model),
        samples: String(config.samples),
      }
    case 'human':
      return { ...base, rubricId: config.rubricId, criterionKey: config.criterionKey }
    case 'code':
      return { ...base, ...codeFields(config) }
    case 'assertions':
      return { ...base, ...assertionsFields(config) }
  }
}

type FormatConfig = Extract<Scorer['config'], { kind: 'format' }>['format']
type RuleConfig = Extract<Scorer['config'], { kind: 'rule' }>['rule']
const text = (n: number | null) => (n === null ? '' : String(n))

function formatFields(format: FormatConfig): Partial<ScorerForm> {
  switch (format.check) {
    case 'json':
      return { check: 'json' }
    case 'json_schema':
      return { check: 'json_schema', schemaText: JSON.stringify(format.schema, null, 2) }
    case 'version_schema':
      return { check: 'version_schema' }
    case 'regex':
      return { check: 'regex', pattern: format.pattern, flags: format.flags }
    case 'length':
      return { check: 'length', lengthUnit: format.unit, min: text(format.min), max: text(format.max) }
  }
}

const isToolRule = (rule: RuleConfig): rule is ToolRuleConfig => isToolOp(rule.op)
const isOutputRule = (rule: RuleConfig): rule is OutputRuleConfig => isOutputOp(rule.op)

function ruleFields(rule: RuleConfig): Partial<ScorerForm> {
  if (isToolRule(rule)) return toolRuleFields(rule)
  if (isOutputRule(rule)) return outputRuleFields(rule)
  switch (rule.op) {
    case 'equals':
    case 'contains':
      return {
        op: rule.op,
        path: rule.path,
        ignoreCase: rule.ignoreCase,
        target: rule.expectedField === null ? 'literal' : 'expected',
        expectedField: rule.expectedField ?? '',
        literal: literalText(rule.value),
      }
    case 'regex':
      return { op: rule.op, path: rule.path, pattern: rule.pattern, flags: rule.flags }
    case 'range':
      return { op: rule.op, path: rule.path, min: text(rule.min), max: text(rule.max) }
  }
}

function literalText(value: unknown): string {
  if (value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** The option a <select> sent, typed, or `fallback` when it is not one of `options`. */
export function pickOption<T extends string>(options: readonly T[], value: string, fallback: T): T {
  return options.find((o) => o === value) ?? fallback
}
