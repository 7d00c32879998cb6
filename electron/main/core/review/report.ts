import { AppError } from '../../../../shared/contract'
import type { PairSide, QueueReport } from '../../../../shared/domain/review'
import { writeTransaction, type CoreContext } from '../context'
import { winRate } from './agreement'
import { agreementParts } from './agreement-report'
import { calibration } from './calibration'
import { parseDefinition, type QueueDefinition } from './content'
import { syncHumanScores } from './human-scores'
import { loadQueue, type LoadedQueue } from './queue-view'
import { checkRaw } from './raw'
import { correctExpected } from '../datasets/corrections'
import type { ExpectedChange } from '../../../../shared/domain/corrections'

type StoredSide = NonNullable<QueueDefinition['pair']>['a']

/** Every stored side names its provider (migration 0011, pack import); '' only if nothing could tell it. */
const pairSide = (s: StoredSide): PairSide => ({
  promptVersionId: s.promptVersionId,
  provider: s.provider ?? '',
  modelId: s.modelId,
})

/** Pairwise: the done preferences (stored in the queue's terms, so sides shown to reviewers do not matter). */
function pairwiseWinRate(ctx: CoreContext, queue: LoadedQueue): QueueReport['winRate'] {
  const pair = parseDefinition(queue.record).pair
  if (queue.record.mode !== 'pairwise' || !pair) return null
  const done = ctx.repos.reviewAssignments.forQueue(queue.record.id).filter((a) => a.status === 'done')
  const count = (p: string) => done.filter((a) => a.preference === p).length
  const [aWins, bWins, ties] = [count('a'), count('b'), count('equal')]
  const rate = winRate(aWins, bWins, ties)
  return {
    a: pairSide(pair.a),
    b: pairSide(pair.b),
    judgments: rate.judgments,
    aWins,
    bWins,
    ties,
    winRateA: rate.winRateA,
    ci95: rate.ci95,
  }
}

export function queueReport(ctx: CoreContext, queueId: string): QueueReport {
  const queue = loadQueue(ctx, queueId)
  return {
    queueId,
    ...agreementParts(ctx, queue),
    winRate: pairwiseWinRate(ctx, queue),
    calibration: calibration(ctx, queue),
  }
}

export interface AdjudicationInput {
  queueId: string
  itemId: string
  criterionKey: string
  raw: number
  reason: string
  /** The expected value found wrong: corrected in the dataset's working copy in the same transaction. */
  expected?: ExpectedChange | undefined
}

/** The adjudicated score becomes the item's final score for that criterion, and so its human run score. */
export function adjudicate(ctx: CoreContext, input: AdjudicationInput): QueueReport {
  writeTransaction(ctx, () => {
    const queue = loadQueue(ctx, input.queueId)
    const item = ctx.repos.reviewQueues.item(input.itemId)
    if (!item || item.queueId !== input.queueId)
      throw new AppError('NOT_FOUND', `Review queue ${input.queueId} has no item ${input.itemId}`)
    const criterion = queue.criteria.find((c) => c.key === input.criterionKey)
    if (!criterion)
      throw new AppError('INVALID_INPUT', `This queue does not review the criterion "${input.criterionKey}"`)
    checkRaw(criterion, input.raw)
    const at = ctx.now()
    const { itemId, criterionKey, raw, reason } = input
    ctx.repos.reviewScores.adjudicate({ itemId, criterionKey, raw, reason, by: ctx.user, at })
    ctx.repos.audit.append({
      at,
      actor: ctx.user,
      action: 'review.adjudicated',
      entityType: 'review_queue',
      entityId: input.queueId,
      details: { itemId, criterionKey, raw, reason, ...(input.expected ? { expected: input.expected } : {}) },
    })
    if (input.expected) correctFromReview(ctx, queue, item.caseId, input)
    syncHumanScores(ctx, input.queueId, [itemId])
  })
  return queueReport(ctx, input.queueId)
}

/** An imported queue's run lives in another workspace: its dataset cannot be corrected from here. */
function correctFromReview(ctx: CoreContext, queue: LoadedQueue, caseId: string, input: AdjudicationInput) {
  const { record } = queue
  if (record.origin === 'imported' || !input.expected) {
    throw new AppError(
      'INVALID_INPUT',
      `Queue "${record.name}" was imported from another workspace, so its dataset is not here: correct the expected value in the workspace that made the queue.`,
    )
  }
  correctExpected(ctx, {
    ...input.expected,
    runId: record.runId,
    caseId,
    reason: input.reason,
    origin: { kind: 'review', queueId: record.id, itemId: input.itemId },
  })
}
