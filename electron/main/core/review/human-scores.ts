import type { CoreContext } from '../context'
import type { StoredScore } from '../db/repos/run-scores'
import { suiteMetrics, type SuiteMetric } from '../scoring/metrics'
import { normalise } from '../scoring/scale'
import { latestSuite } from '../scoring/suites'
import { parseResults, type ItemResult } from './content'
import { finalScoreOf, finalScores, type FinalScore } from './final-scores'
import { loadQueue, type LoadedQueue } from './queue-view'

/** The human scorers of the result's current suite that score this rubric (any version) and criterion. */
function humanMetricsFor(
  ctx: CoreContext,
  cache: Map<string, SuiteMetric[]>,
  promptVersionId: string,
): SuiteMetric[] {
  let metrics = cache.get(promptVersionId)
  if (!metrics) {
    const version = ctx.repos.prompts.versionById(promptVersionId)
    metrics = version ? suiteMetrics(ctx.repos, latestSuite(ctx, version.promptId)) : []
    metrics = metrics.filter((m) => m.source === 'human' && m.rubric !== null && m.criterion !== null)
    cache.set(promptVersionId, metrics)
  }
  return metrics
}

function reasonOf(final: FinalScore): string {
  if (final.adjudicated) return `Adjudicated by ${final.adjudicated.by}: ${final.adjudicated.reason}`
  if (final.raw === null) return `${final.reviewers} reviewers disagree; awaiting adjudication`
  return final.reviewers === 1 ? 'Human review (1 reviewer)' : `Human review (${final.reviewers} reviewers)`
}

function humanScore(
  ctx: CoreContext,
  queue: LoadedQueue,
  result: ItemResult & { caseId: string },
  metric: SuiteMetric,
  final: FinalScore,
): StoredScore {
  // The scorer's own rubric version decides the scale: a later version may have re-scaled the criterion.
  const scale = metric.criterion?.scale
  const n = final.raw === null || !scale ? null : normalise(scale, final.raw)
  return {
    runId: queue.record.runId,
    caseId: result.caseId,
    promptVersionId: result.promptVersionId,
    provider: result.provider,
    modelId: result.modelId,
    repeat: result.repeat,
    metric: metric.metric,
    scorerHash: metric.hash,
    source: 'human',
    value: n?.value ?? null,
    raw: n?.raw ?? null,
    passed: n?.passed ?? null,
    reason: reasonOf(final),
    details: {
      queueId: queue.record.id,
      reviewers: final.reviewers,
      adjudicated: final.adjudicated !== null,
    },
    createdAt: ctx.now(),
  }
}

/**
 * Writes each item's final human score into run_scores for every matching human scorer of the current suite,
 * replacing the previous one, and removes it where nothing is scored any more. Pairwise queues compare two
 * outputs and so have no per-output score; imported queues have no run here. Runs in the caller's transaction.
 */
export function syncHumanScores(ctx: CoreContext, queueId: string, onlyItemIds?: readonly string[]): void {
  const queue = loadQueue(ctx, queueId)
  if (queue.record.mode !== 'single' || !ctx.repos.runs.get(queue.record.runId)) return
  const finals = finalScores(ctx, queue)
  const cache = new Map<string, SuiteMetric[]>()
  const only = onlyItemIds ? new Set(onlyItemIds) : null
  for (const item of ctx.repos.reviewQueues.items(queueId)) {
    if (only && !only.has(item.id)) continue
    const result = parseResults(item)[0]
    if (!result) continue
    const key = { ...result, caseId: item.caseId }
    for (const metric of humanMetricsFor(ctx, cache, result.promptVersionId)) {
      if (metric.rubric?.key !== queue.rubric.key) continue
      const criterionKey = metric.criterion?.key
      if (!criterionKey || !queue.criteria.some((c) => c.key === criterionKey)) continue
      const final = finalScoreOf(finals, item.id, criterionKey)
      if (final) ctx.repos.runScores.replace(humanScore(ctx, queue, key, metric, final))
      else ctx.repos.reviewScores.deleteHumanScore(queue.record.runId, key, metric.metric, metric.hash)
    }
  }
}
