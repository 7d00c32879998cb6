import type { Rubric, Scorer } from '../../../../../shared/domain/scoring'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { describeAssertions, describeCode } from '../../../stores/scoring/code-form'
import {
  describeOutputRule,
  isOutputOp,
  type OutputRuleConfig,
} from '../../../stores/scoring/output-rule-form'
import { findCriterion } from '../../../stores/scoring/scorer-form'
import { describeToolRule, isToolOp, type ToolRuleConfig } from '../../../stores/scoring/tool-rule-form'

type Config = Scorer['config']
const subject = (path: string) => path || 'output'
const bound = (n: number | null, none: string) => (n === null ? none : String(n))

function formatText(format: Extract<Config, { kind: 'format' }>['format']): string {
  switch (format.check) {
    case 'json':
      return 'output parses as JSON'
    case 'json_schema': {
      const required = Array.isArray(format.schema.required) ? format.schema.required.length : 0
      return `JSON Schema${required > 0 ? ` with ${required} required fields` : ''}`
    }
    case 'regex':
      return `output matches /${format.pattern}/${format.flags}`
    case 'length':
      return `length ${bound(format.min, '0')}…${bound(format.max, '∞')} ${format.unit}`
    case 'version_schema':
      return "the prompt version's own response format JSON Schema"
  }
}

function ruleText(rule: Extract<Config, { kind: 'rule' }>['rule']): string {
  switch (rule.op) {
    case 'equals':
    case 'contains': {
      const against =
        rule.expectedField !== null ? `expected ${rule.expectedField}` : JSON.stringify(rule.value ?? '')
      return `${subject(rule.path)} ${rule.op} ${against}${rule.ignoreCase ? ' (any case)' : ''}`
    }
    case 'regex':
      return `${subject(rule.path)} matches /${rule.pattern}/${rule.flags}`
    case 'range':
      return `${subject(rule.path)} within ${bound(rule.min, '−∞')}…${bound(rule.max, '∞')}`
    default:
      if (isOutputOp(rule.op)) return describeOutputRule(rule as OutputRuleConfig)
      return isToolOp(rule.op) ? describeToolRule(rule as ToolRuleConfig) : rule.op
  }
}

/** What a scorer checks, in one line: "category equals expected category (any case)". */
export function describeScorer(scorer: Scorer, rubrics: readonly Rubric[]): string {
  const config = scorer.config
  switch (config.kind) {
    case 'format':
      return formatText(config.format)
    case 'rule':
      return ruleText(config.rule)
    case 'judge':
    case 'human': {
      const rubric = rubrics.find((r) => r.id === config.rubricId)
      const criterion = findCriterion(rubrics, config.rubricId, config.criterionKey)
      const what = `${rubric?.name ?? 'unknown rubric'} › ${criterion?.name ?? config.criterionKey}`
      if (config.kind === 'human') return `${what}, scored in review queues`
      const samples = config.samples > 1 ? ` × ${config.samples} samples` : ''
      return `${what}, judged by ${modelKey(config.model)}${samples}`
    }
    case 'code':
      return describeCode(config)
    case 'assertions':
      return describeAssertions(config)
  }
}

export const kindLabels: Record<Config['kind'], string> = {
  format: 'Format check',
  rule: 'Rule',
  judge: 'LLM judge',
  human: 'Human review',
  code: 'Code scorer',
  assertions: 'promptfoo assertions',
}
