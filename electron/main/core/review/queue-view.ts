import { AppError } from '../../../../shared/contract'
import type { Queue } from '../../../../shared/domain/review'
import type { Rubric, RubricCriterion } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import type { QueueRecord } from '../db/repos/review-queues'
import { parseDefinition } from './content'

/** A queue with what every review operation needs: its rubric version and the criteria under review. */
export interface LoadedQueue {
  record: QueueRecord
  rubric: Rubric
  criteria: RubricCriterion[]
}

export function loadQueue(ctx: CoreContext, queueId: string): LoadedQueue {
  const record = ctx.repos.reviewQueues.byId(queueId)
  if (!record) throw new AppError('NOT_FOUND', `No review queue with id ${queueId}`)
  const rubric = ctx.repos.rubrics.byId(record.rubricId)
  if (!rubric) throw new AppError('INTERNAL', `The rubric of review queue ${queueId} is missing`)
  const keys = parseDefinition(record).criterionKeys
  const criteria = keys ? rubric.criteria.filter((c) => keys.includes(c.key)) : rubric.criteria
  return { record, rubric, criteria }
}

export function toQueue(ctx: CoreContext, loaded: LoadedQueue): Queue {
  const { record } = loaded
  return {
    id: record.id,
    name: record.name,
    runId: record.runId,
    rubric: loaded.rubric,
    criterionKeys: loaded.criteria.map((c) => c.key),
    mode: record.mode,
    blind: record.blind,
    reviewersPerItem: record.reviewersPerItem,
    items: ctx.repos.reviewQueues.itemCount(record.id),
    progress: ctx.repos.reviewQueues.progress(record.id),
    origin: record.origin,
    createdAt: record.createdAt,
    createdBy: record.createdBy,
  }
}

export const queueById = (ctx: CoreContext, queueId: string): Queue => toQueue(ctx, loadQueue(ctx, queueId))

export const listQueues = (ctx: CoreContext): Queue[] =>
  ctx.repos.reviewQueues.list().map((q) => queueById(ctx, q.id))
