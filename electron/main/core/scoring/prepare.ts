import type { EvalSuite, Rubric, RubricCriterion } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import type { JudgeTask } from './judge/call'
import { suiteMetrics, type SuiteMetric } from './metrics'
import { assertionsNeedJudge, assertionsScorer } from './scorers/assertions'
import type { AsyncScorer, AsyncScorerInput } from './scorers/async-types'
import { codeScorer } from './scorers/code'
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

/** A scorer that may wait: a code scorer (the sandbox) or a promptfoo assertion list (maybe a grader). */
export interface AsyncMetric extends SuiteMetric {
  evaluate: AsyncScorer
  /** True when scoring this case would call a model: a pass without model calls leaves it for later. */
  needsModel(c: Pick<AsyncScorerInput['case'], 'expected'>): boolean
}

/**
 * A suite ready to score with: format and rule checks compiled once, code and assertion scorers, judges with
 * their rubric criterion.
 */
export interface PreparedSuite {
  suite: EvalSuite
  deterministic: DeterministicMetric[]
  async: AsyncMetric[]
  judges: JudgeMetric[]
}

function compile(metric: SuiteMetric): DeterministicScorer | null {
  const { config } = metric.scorer
  if (config.kind === 'format') return formatScorer(config.format)
  if (config.kind === 'rule') return ruleScorer(config.rule)
  return null
}

function compileAsync(metric: SuiteMetric): AsyncMetric | null {
  const { config } = metric.scorer
  if (config.kind === 'code') return { ...metric, evaluate: codeScorer(config), needsModel: () => false }
  if (config.kind === 'assertions') {
    return {
      ...metric,
      evaluate: assertionsScorer(config),
      needsModel: (c) => assertionsNeedJudge(config, c.expected),
    }
  }
  return null
}

/** Human criteria are not scored here: their scores come from review queues. */
export function prepareSuite(ctx: CoreContext, suite: EvalSuite): PreparedSuite {
  const deterministic: DeterministicMetric[] = []
  const async: AsyncMetric[] = []
  const judges: JudgeMetric[] = []
  for (const metric of suiteMetrics(ctx.repos, suite)) {
    const { config } = metric.scorer
    const evaluate = compile(metric)
    const waiting = evaluate ? null : compileAsync(metric)
    if (evaluate) deterministic.push({ ...metric, evaluate })
    else if (waiting) async.push(waiting)
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
  return { suite, deterministic, async, judges }
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
