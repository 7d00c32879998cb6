import { AppError } from '../../../../shared/contract'
import type { EvalSuiteDraft, GateRule, Scorer } from '../../../../shared/domain/scoring'
import type { Repos } from '../db/repos'
import { outputRuleProblem } from './rule-checks'
import { compileSchema } from './scorers/format'

/** Thrown with the field's path, like zod's own messages, so the editor can point at it. */
function invalid(path: string, message: string): never {
  throw new AppError('INVALID_INPUT', `Invalid field "${path}": ${message}`, { path })
}

function checkRegex(path: string, pattern: string, flags: string): void {
  try {
    new RegExp(pattern, flags)
  } catch (error) {
    invalid(path, error instanceof Error ? error.message : String(error))
  }
}

function checkFormat(path: string, scorer: Extract<Scorer['config'], { kind: 'format' }>): void {
  const { format } = scorer
  if (format.check === 'json_schema') {
    try {
      compileSchema(format.schema)
    } catch (error) {
      invalid(
        `${path}.format.schema`,
        `not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
      )
    }
  }
  if (format.check === 'regex') checkRegex(`${path}.format.pattern`, format.pattern, format.flags)
  if (format.check === 'length' && format.min !== null && format.max !== null && format.min > format.max)
    invalid(`${path}.format.min`, 'the minimum is above the maximum')
}

type RuleConfig = Extract<Scorer['config'], { kind: 'rule' }>['rule']

/** Tool rules that compare need something to compare with; a literal pattern must compile. */
function checkToolRule(path: string, rule: RuleConfig): void {
  if (rule.op === 'tool_called' && rule.expectedField === null && rule.tool === null)
    invalid(`${path}.rule.expectedField`, 'name an expected field of the cases, or a tool')
  if ((rule.op === 'tool_arg' || rule.op === 'tool_order') && rule.expectedField === null) {
    if (rule.value === undefined)
      invalid(`${path}.rule.expectedField`, 'name an expected field of the cases, or give a value')
    if (rule.op === 'tool_arg' && rule.compare === 'matches')
      checkRegex(
        `${path}.rule.value`,
        typeof rule.value === 'string' ? rule.value : JSON.stringify(rule.value),
        '',
      )
  }
}

function checkRule(path: string, scorer: Extract<Scorer['config'], { kind: 'rule' }>): void {
  const { rule } = scorer
  checkToolRule(path, rule)
  if (rule.op === 'regex') checkRegex(`${path}.rule.pattern`, rule.pattern, rule.flags)
  if (
    (rule.op === 'equals' || rule.op === 'contains') &&
    rule.expectedField === null &&
    rule.value === undefined
  )
    invalid(`${path}.rule.expectedField`, 'name an expected field of the cases, or give a value')
  if (rule.op === 'range' && rule.min !== null && rule.max !== null && rule.min > rule.max)
    invalid(`${path}.rule.min`, 'the minimum is above the maximum')
  const problem = outputRuleProblem(rule)
  if (problem) invalid(`${path}.rule.${problem.field}`, problem.message)
}

function checkCriterion(repos: Repos, path: string, rubricId: string, criterionKey: string): void {
  const rubric = repos.rubrics.byId(rubricId)
  if (!rubric) invalid(`${path}.rubricId`, `no rubric with id ${rubricId}`)
  if (!rubric.criteria.some((c) => c.key === criterionKey))
    invalid(
      `${path}.criterionKey`,
      `rubric "${rubric.name}" v${rubric.version} has no criterion "${criterionKey}"`,
    )
}

function checkScorer(repos: Repos, scorer: Scorer, i: number): void {
  const path = `scorers.${i}.config`
  const { config } = scorer
  if (config.kind === 'format') checkFormat(path, config)
  else if (config.kind === 'rule') checkRule(path, config)
  else if (config.kind === 'code' || config.kind === 'assertions') return
  else checkCriterion(repos, path, config.rubricId, config.criterionKey)
}

const ruleMetric = (rule: GateRule): string | null =>
  rule.kind === 'min_score' || rule.kind === 'max_drop' ? rule.metric : null

/**
 * What zod cannot see: schemas and patterns that compile, criteria that exist, metric names that are
 * unique and gate rules that name a metric of the suite.
 */
export function checkSuite(repos: Repos, draft: EvalSuiteDraft): void {
  const metrics = new Set<string>()
  draft.scorers.forEach((scorer, i) => {
    if (metrics.has(scorer.metric)) invalid(`scorers.${i}.metric`, `metric "${scorer.metric}" is used twice`)
    metrics.add(scorer.metric)
    checkScorer(repos, scorer, i)
  })
  draft.gates.forEach((rule, i) => {
    const metric = ruleMetric(rule)
    if (metric !== null && !metrics.has(metric))
      invalid(`gates.${i}.metric`, `no scorer of this suite produces metric "${metric}"`)
  })
}
