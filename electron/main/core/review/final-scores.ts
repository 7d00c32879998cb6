import type { RubricCriterion } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import type { AdjudicationRecord } from '../db/repos/review-scores'
import type { LoadedQueue } from './queue-view'

/** One reviewer's raw score of one item × criterion, with who gave it. */
export interface RawScore {
  itemId: string
  reviewerId: string
  criterionKey: string
  raw: number
  comment: string
}

export interface FinalScore {
  /** Null while reviewers tie on pass/fail and nobody adjudicated. */
  raw: number | null
  reviewers: number
  adjudicated: AdjudicationRecord | null
}

/** Every criterion score of the queue's non-skipped assignments: a skipped item was not judged. */
export function queueRawScores(ctx: CoreContext, queueId: string): RawScore[] {
  const assignments = new Map(ctx.repos.reviewAssignments.forQueue(queueId).map((a) => [a.id, a]))
  return ctx.repos.reviewScores.forQueue(queueId).flatMap((s) => {
    const a = assignments.get(s.assignmentId)
    if (!a || a.status === 'skipped') return []
    return [
      {
        itemId: a.itemId,
        reviewerId: a.reviewerId,
        criterionKey: s.criterionKey,
        raw: s.raw,
        comment: s.comment,
      },
    ]
  })
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Pass/fail by majority (a tie stays open for adjudication); ordered scales by their median. */
export function combineRaw(criterion: RubricCriterion, raws: readonly number[]): number | null {
  if (raws.length === 0) return null
  if (criterion.scale.type !== 'pass_fail') return median(raws)
  const passes = raws.filter((r) => r >= 1).length
  const fails = raws.length - passes
  return passes === fails ? null : passes > fails ? 1 : 0
}

const cellKey = (itemId: string, criterionKey: string): string => `${itemId}\u0000${criterionKey}`

/** Item × criterion → its final score; cells nobody scored or adjudicated are absent. */
export function finalScores(ctx: CoreContext, queue: LoadedQueue): Map<string, FinalScore> {
  const raws = new Map<string, number[]>()
  for (const s of queueRawScores(ctx, queue.record.id)) {
    const key = cellKey(s.itemId, s.criterionKey)
    raws.set(key, [...(raws.get(key) ?? []), s.raw])
  }
  const adjudications = new Map(
    ctx.repos.reviewScores.adjudications(queue.record.id).map((j) => [cellKey(j.itemId, j.criterionKey), j]),
  )
  const out = new Map<string, FinalScore>()
  for (const item of ctx.repos.reviewQueues.items(queue.record.id)) {
    for (const criterion of queue.criteria) {
      const key = cellKey(item.id, criterion.key)
      const list = raws.get(key) ?? []
      const adjudicated = adjudications.get(key) ?? null
      if (list.length === 0 && !adjudicated) continue
      const raw = adjudicated ? adjudicated.raw : combineRaw(criterion, list)
      out.set(key, { raw, reviewers: list.length, adjudicated })
    }
  }
  return out
}

export const finalScoreOf = (
  finals: ReadonlyMap<string, FinalScore>,
  itemId: string,
  criterionKey: string,
): FinalScore | undefined => finals.get(cellKey(itemId, criterionKey))
