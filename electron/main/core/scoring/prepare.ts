import type { EvalSuite, Rubric, RubricCriterion } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import type { JudgeTask } from './judge/call'
import { suiteMetrics, type SuiteMetric } from './metrics'
import { formatScorer } from './scorers/format'
import { ruleScorer } from './scorers/rules'
import type { DeterministicScorer } from './scorers/types'
import { suiteForVersion } from './suites'

export interface DeterministicMetric extends SuiteMetric {
  evaluate: DeterministicScorer
}

export interface JudgeMetric extends SuiteMetric {
  rubric: Rubric
  criterion: RubricCriterion
  model: JudgeTask['model']
  samples: number
}

/** A suite ready to score with: format and rule checks compiled once, judges with their rubric criterion. */
export interface PreparedSuite {
  suite: EvalSuite
  deterministic: DeterministicMetric[]
  judges: JudgeMetric[]
}

function compile(metric: SuiteMetric): DeterministicScorer | null {
  const { config } = metric.scorer
  if (config.kind === 'format') return formatScorer(config.format)
  if (config.kind === 'rule') return ruleScorer(config.rule)
  return null
}

/** Human criteria are not scored here: their scores come from review queues. */
export function prepareSuite(ctx: CoreContext, suite: EvalSuite): PreparedSuite {
  const deterministic: DeterministicMetric[] = []
  const judges: JudgeMetric[] = []
  for (const metric of suiteMetrics(ctx.repos, suite)) {
    const { config } = metric.scorer
    const evaluate = compile(metric)
    if (evaluate) deterministic.push({ ...metric, evaluate })
    else if (config.kind === 'judge' && metric.rubric && metric.criterion) {
      judges.push({
        ...metric,
        rubric: metric.rubric,
        criterion: metric.criterion,
        model: config.model,
        samples: config.samples,
      })
    }
  }
  return { suite, deterministic, judges }
}

/** Suites by prompt version, prepared once per scoring pass: every result of a version shares its suite. */
export function suiteCache(ctx: CoreContext): (versionId: string) => PreparedSuite {
  const byVersion = new Map<string, PreparedSuite>()
  const byPrompt = new Map<string, PreparedSuite>()
  return (versionId) => {
    const known = byVersion.get(versionId)
    if (known) return known
    const suite = suiteForVersion(ctx, versionId)
    const prepared = byPrompt.get(suite.promptId) ?? prepareSuite(ctx, suite)
    byPrompt.set(suite.promptId, prepared)
    byVersion.set(versionId, prepared)
    return prepared
  }
}
