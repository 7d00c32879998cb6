import type { QueueReport } from '../../../../shared/domain/review'
import { resultKey } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import { suiteMetrics, type SuiteMetric } from '../scoring/metrics'
import { latestSuite } from '../scoring/suites'
import { cohensKappa, krippendorffAlpha, percentAgreement } from './agreement'
import { alphaLevel } from './agreement-report'
import { parseResults } from './content'
import { finalScoreOf, finalScores } from './final-scores'
import type { LoadedQueue } from './queue-view'

/** The judge scorers of the items' current suites that score this queue's rubric key, once each. */
function judgeMetrics(ctx: CoreContext, queue: LoadedQueue, versionIds: Iterable<string>): SuiteMetric[] {
  const promptIds = new Set(
    [...versionIds].flatMap((id) => ctx.repos.prompts.versionById(id)?.promptId ?? []),
  )
  const found = new Map<string, SuiteMetric>()
  for (const promptId of promptIds)
    for (const m of suiteMetrics(ctx.repos, latestSuite(ctx, promptId)))
      if (m.source === 'judge' && m.rubric?.key === queue.rubric.key && m.criterion)
        found.set(`${m.metric}\u0000${m.hash}`, m)
  return [...found.values()]
}

/**
 * Where an LLM judge and the humans scored the same outputs: the judge's raw score against the final human
 * score, per judge scorer and criterion. Single-mode local queues only (the judge scores live in this run).
 */
export function calibration(ctx: CoreContext, queue: LoadedQueue): QueueReport['calibration'] {
  const { record } = queue
  if (record.mode !== 'single' || !ctx.repos.runs.get(record.runId)) return []
  const items = ctx.repos.reviewQueues.items(record.id).flatMap((item) => {
    const result = parseResults(item)[0]
    return result ? [{ item, result }] : []
  })
  const finals = finalScores(ctx, queue)
  const out: QueueReport['calibration'] = []
  for (const metric of judgeMetrics(
    ctx,
    queue,
    items.map((i) => i.result.promptVersionId),
  )) {
    const criterion = queue.criteria.find((c) => c.key === metric.criterion?.key)
    if (!criterion) continue
    const judged = ctx.repos.runScores.list(record.runId, {
      metric: metric.metric,
      scorerHashes: [metric.hash],
    })
    const judgedBy = new Map(judged.map((s) => [resultKey(s), s]))
    const pairs: [number, number][] = []
    for (const { item, result } of items) {
      const human = finalScoreOf(finals, item.id, criterion.key)?.raw
      const judge = judgedBy.get(resultKey({ ...result, caseId: item.caseId }))?.raw
      if (human !== undefined && human !== null && judge !== undefined && judge !== null)
        pairs.push([judge, human])
    }
    out.push({
      criterionKey: criterion.key,
      judgeMetric: metric.metric,
      items: pairs.length,
      cohensKappa: cohensKappa(pairs).kappa,
      krippendorffAlpha: krippendorffAlpha(pairs, alphaLevel(criterion)).alpha,
      percentAgreement: percentAgreement(pairs),
    })
  }
  return out
}
