import { AppError } from '../../../../shared/contract'
import type { ReviewItem } from '../../../../shared/domain/review'
import type { CoreContext } from '../context'
import type { AssignmentRecord, Preference } from '../db/repos/review-assignments'
import { parseContent, type ItemContent } from './content'
import type { LoadedQueue } from './queue-view'

/** Pairwise sides are swapped per assignment; a preference crosses between the two views the same way. */
export function mapSides(preference: Preference | null, swapped: boolean): Preference | null {
  if (!swapped || preference === null || preference === 'equal') return preference
  return preference === 'a' ? 'b' : 'a'
}

type Output = ItemContent['outputs'][number]

function outputsFor(queue: LoadedQueue, content: ItemContent, swapped: boolean): ReviewItem['outputs'] {
  const blind = queue.record.blind
  const view = (o: Output | undefined, side: 'output' | 'a' | 'b') => ({
    side,
    text: o?.text ?? null,
    error: o?.error ?? null,
    toolCalls: o?.toolCalls ?? [],
    promptVersionNumber: blind ? null : (o?.promptVersionNumber ?? null),
    provider: blind ? null : (o?.provider ?? null),
    modelId: blind ? null : (o?.modelId ?? null),
  })
  if (queue.record.mode === 'single') return [view(content.outputs[0], 'output')]
  const [a, b] = swapped ? [content.outputs[1], content.outputs[0]] : [content.outputs[0], content.outputs[1]]
  return [view(a, 'a'), view(b, 'b')]
}

/** The item as this reviewer sees it: the snapshot content (never the live run), their sides and scores. */
export function reviewItem(ctx: CoreContext, queue: LoadedQueue, a: AssignmentRecord): ReviewItem {
  const item = ctx.repos.reviewQueues.item(a.itemId)
  if (!item) throw new AppError('INTERNAL', `Review item ${a.itemId} is missing`)
  const content = parseContent(item)
  return {
    assignmentId: a.id,
    queueId: a.queueId,
    position: a.position,
    total: ctx.repos.reviewAssignments.countFor(a.queueId, a.reviewerId),
    caseKey: content.caseKey,
    input: content.input,
    conversation: content.conversation,
    expected: content.expected,
    outputs: outputsFor(queue, content, a.swapped),
    scores: ctx.repos.reviewScores
      .forAssignment(a.id)
      .map((s) => ({ criterionKey: s.criterionKey, raw: s.raw, comment: s.comment })),
    preference: mapSides(a.preference, a.swapped),
    status: a.status,
    skipReason: a.skipReason,
  }
}

export function requireAssignment(ctx: CoreContext, assignmentId: string): AssignmentRecord {
  const a = ctx.repos.reviewAssignments.byId(assignmentId)
  if (!a) throw new AppError('NOT_FOUND', `No review assignment with id ${assignmentId}`)
  return a
}
