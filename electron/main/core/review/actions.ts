import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import type { ReviewItem } from '../../../../shared/domain/review'
import type { RubricCriterion } from '../../../../shared/domain/scoring'
import { writeTransaction, type CoreContext } from '../context'
import type { AssignmentRecord, Preference } from '../db/repos/review-assignments'
import { parseJsonColumn } from '../db/repos/json'
import { syncHumanScores } from './human-scores'
import { mapSides, requireAssignment, reviewItem } from './item-view'
import { loadQueue, type LoadedQueue } from './queue-view'
import { checkRaw } from './raw'

/** An assignment's full state before a change: undo puts exactly this back. */
const snapshotSchema = z.object({
  status: z.enum(['pending', 'done', 'skipped']),
  skipReason: z.string().nullable(),
  preference: z.enum(['a', 'b', 'equal']).nullable(),
  updatedAt: z.string(),
  scores: z.array(
    z.object({ criterionKey: z.string(), raw: z.number(), comment: z.string(), updatedAt: z.string() }),
  ),
})
type Snapshot = z.infer<typeof snapshotSchema>

function snapshot(ctx: CoreContext, a: AssignmentRecord): Snapshot {
  const scores = ctx.repos.reviewScores
    .forAssignment(a.id)
    .map(({ criterionKey, raw, comment, updatedAt }) => ({ criterionKey, raw, comment, updatedAt }))
  return {
    status: a.status,
    skipReason: a.skipReason,
    preference: a.preference,
    updatedAt: a.updatedAt,
    scores,
  }
}

function recordChange(ctx: CoreContext, a: AssignmentRecord): void {
  ctx.repos.reviewAssignments.insertChange(
    a.queueId,
    a.reviewerId,
    a.id,
    JSON.stringify(snapshot(ctx, a)),
    ctx.now(),
  )
}

/** The reviewer's next pending item in their order, or the one at `position`; null when there is none. */
export function nextItem(
  ctx: CoreContext,
  queueId: string,
  reviewerId: string,
  position?: number,
): ReviewItem | null {
  const queue = loadQueue(ctx, queueId)
  const repo = ctx.repos.reviewAssignments
  const a =
    position === undefined
      ? repo.nextPending(queueId, reviewerId)
      : repo.atPosition(queueId, reviewerId, position)
  return a ? reviewItem(ctx, queue, a) : null
}

function isComplete(
  ctx: CoreContext,
  queue: LoadedQueue,
  a: AssignmentRecord,
  preference: Preference | null,
): boolean {
  if (queue.record.mode === 'pairwise') return preference !== null
  const scored = new Set(ctx.repos.reviewScores.forAssignment(a.id).map((s) => s.criterionKey))
  return queue.criteria.every((c) => scored.has(c.key))
}

function requireCriterion(queue: LoadedQueue, key: string): RubricCriterion {
  const criterion = queue.criteria.find((c) => c.key === key)
  if (!criterion) throw new AppError('INVALID_INPUT', `This queue does not review the criterion "${key}"`)
  return criterion
}

export interface ScoreInput {
  assignmentId: string
  score?: { criterionKey: string; raw: number; comment: string } | undefined
  preference?: Preference | undefined
}

/** Writes the score or preference (a no-op when nothing changed, so autosave does not flood undo). */
function applyScore(
  ctx: CoreContext,
  queue: LoadedQueue,
  a: AssignmentRecord,
  input: ScoreInput,
): Preference | null {
  if (input.score) {
    if (queue.record.mode !== 'single')
      throw new AppError('INVALID_INPUT', 'A pairwise item takes a preference, not criterion scores')
    const { criterionKey, raw, comment } = input.score
    checkRaw(requireCriterion(queue, criterionKey), raw)
    const old = ctx.repos.reviewScores.forAssignment(a.id).find((s) => s.criterionKey === criterionKey)
    if (old?.raw === raw && old.comment === comment && a.status !== 'skipped') return a.preference
    recordChange(ctx, a)
    ctx.repos.reviewScores.upsert({ assignmentId: a.id, criterionKey, raw, comment, updatedAt: ctx.now() })
    return a.preference
  }
  if (queue.record.mode !== 'pairwise')
    throw new AppError('INVALID_INPUT', 'Only a pairwise item takes a preference')
  const preference = mapSides(input.preference ?? null, a.swapped)
  if (preference !== a.preference || a.status === 'skipped') recordChange(ctx, a)
  return preference
}

export function scoreItem(ctx: CoreContext, input: ScoreInput): ReviewItem {
  if ((input.score === undefined) === (input.preference === undefined))
    throw new AppError('INVALID_INPUT', 'Send either one criterion score or a preference')
  return writeTransaction(ctx, () => {
    const a = requireAssignment(ctx, input.assignmentId)
    const queue = loadQueue(ctx, a.queueId)
    const preference = applyScore(ctx, queue, a, input)
    const status = isComplete(ctx, queue, a, preference) ? 'done' : 'pending'
    if (status !== a.status || preference !== a.preference)
      ctx.repos.reviewAssignments.setState({
        id: a.id,
        status,
        skipReason: null,
        preference,
        updatedAt: ctx.now(),
      })
    syncHumanScores(ctx, queue.record.id, [a.itemId])
    return reviewItem(ctx, queue, requireAssignment(ctx, a.id))
  })
}

export function skipItem(ctx: CoreContext, assignmentId: string, reason: string): ReviewItem {
  return writeTransaction(ctx, () => {
    const a = requireAssignment(ctx, assignmentId)
    const queue = loadQueue(ctx, a.queueId)
    recordChange(ctx, a)
    ctx.repos.reviewAssignments.setState({
      id: a.id,
      status: 'skipped',
      skipReason: reason,
      preference: a.preference,
      updatedAt: ctx.now(),
    })
    syncHumanScores(ctx, queue.record.id, [a.itemId])
    return reviewItem(ctx, queue, requireAssignment(ctx, a.id))
  })
}

/** Restores the assignment and its scores to the state before the reviewer's last change on this queue. */
export function undoLast(ctx: CoreContext, queueId: string, reviewerId: string): ReviewItem | null {
  return writeTransaction(ctx, () => {
    const queue = loadQueue(ctx, queueId)
    const change = ctx.repos.reviewAssignments.lastChange(queueId, reviewerId)
    if (!change) return null
    const before = parseJsonColumn(snapshotSchema, change.before, `review change ${change.id}`)
    const { scores, ...state } = before
    ctx.repos.reviewAssignments.setState({ id: change.assignmentId, ...state })
    ctx.repos.reviewScores.clear(change.assignmentId)
    for (const s of scores) ctx.repos.reviewScores.upsert({ assignmentId: change.assignmentId, ...s })
    ctx.repos.reviewAssignments.deleteChange(change.id)
    const a = requireAssignment(ctx, change.assignmentId)
    syncHumanScores(ctx, queueId, [a.itemId])
    return reviewItem(ctx, queue, a)
  })
}
