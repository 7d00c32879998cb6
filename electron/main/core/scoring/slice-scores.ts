import { AppError } from '../../../../shared/contract'
import type { EvalSuite, SliceKey } from '../../../../shared/domain/scoring'
import { sliceOf } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import type { StoredScore } from '../db/repos/run-scores'
import { suiteMetrics, type SuiteMetric } from './metrics'
import { groupCurrentScores } from './summary-metrics'
import { latestSuite } from './suites'

/** One slice's scores by the current suite of its prompt: what gates compare case by case. */
export interface SliceScores {
  suite: EvalSuite
  metrics: SuiteMetric[]
  /** Metric → its scores (current scorer fingerprint only), in write order. */
  scores: Map<string, StoredScore[]>
  /** Result × scorer pairs the suite's format, rule and judge scorers have not scored yet. */
  unscored: number
}

export function sliceScores(ctx: CoreContext, runId: string, slice: SliceKey): SliceScores {
  const version = ctx.repos.prompts.versionById(slice.promptVersionId)
  if (!version) throw new AppError('NOT_FOUND', `No prompt version with id ${slice.promptVersionId}`)
  const suite = latestSuite(ctx, version.promptId)
  const metrics = suiteMetrics(ctx.repos, suite)
  const list = ctx.repos.runScores.list(runId, {
    ...sliceOf(slice),
    scorerHashes: metrics.map((m) => m.hash),
  })
  const scores = groupCurrentScores(metrics, list)
  const results = ctx.repos.runResults.count(runId, sliceOf(slice))
  const automatic = metrics.filter((m) => m.source !== 'human')
  const unscored = automatic.reduce(
    (n, m) => n + Math.max(0, results - (scores.get(m.metric)?.length ?? 0)),
    0,
  )
  return { suite, metrics, scores, unscored }
}
