import { z } from 'zod'
import { expectedChangeSchema, type ExpectedChange } from '../../../../shared/domain/corrections'
import type { QueueReport } from '../../../../shared/domain/review'
import type { RubricCriterion } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import { cohensKappa, krippendorffAlpha, percentAgreement, type AlphaLevel } from './agreement'
import { parseContent } from './content'
import { queueRawScores, type RawScore } from './final-scores'
import type { LoadedQueue } from './queue-view'
import type { AdjudicationRecord } from '../db/repos/review-scores'
import type { ItemRecord } from '../db/repos/review-queues'

type Disagreement = QueueReport['disagreements'][number]

/** Nominal for pass/fail and labels (categories), ordinal for likert (ordered steps of unknown spacing). */
export const alphaLevel = (c: RubricCriterion): AlphaLevel =>
  c.scale.type === 'likert' ? 'ordinal' : 'nominal'

/** Item id → that item's scores of one criterion, items with at least two scores only. */
function multiplyScored(scores: readonly RawScore[], criterionKey: string): Map<string, RawScore[]> {
  const byItem = new Map<string, RawScore[]>()
  for (const s of scores) {
    if (s.criterionKey !== criterionKey) continue
    byItem.set(s.itemId, [...(byItem.get(s.itemId) ?? []), s])
  }
  for (const [itemId, list] of byItem) if (list.length < 2) byItem.delete(itemId)
  return byItem
}

function criterionAgreement(
  criterion: RubricCriterion,
  byItem: Map<string, RawScore[]>,
): QueueReport['agreement'][number] {
  const reviewers = [...new Set([...byItem.values()].flat().map((s) => s.reviewerId))].sort()
  const units = [...byItem.values()].map((list) => list.map((s) => s.raw))
  // κ is defined for two fixed raters: pair each item's scores in the same reviewer order.
  const pairs =
    reviewers.length === 2
      ? [...byItem.values()].map((list) => {
          const of = (id: string | undefined) => list.find((s) => s.reviewerId === id)?.raw ?? Number.NaN
          return [of(reviewers[0]), of(reviewers[1])] as const
        })
      : []
  return {
    criterionKey: criterion.key,
    criterionName: criterion.name,
    items: byItem.size,
    reviewers: reviewers.length,
    cohensKappa: reviewers.length === 2 ? cohensKappa(pairs).kappa : null,
    krippendorffAlpha: krippendorffAlpha(units, alphaLevel(criterion)).alpha,
    percentAgreement: percentAgreement(units),
  }
}

export interface AgreementParts {
  agreement: QueueReport['agreement']
  disagreements: QueueReport['disagreements']
}

/** Agreement per criterion over items scored at least twice, and every item × criterion where scores differ. */
export function agreementParts(ctx: CoreContext, queue: LoadedQueue): AgreementParts {
  const scores = queueRawScores(ctx, queue.record.id)
  const cells: CellFacts = {
    queue,
    names: new Map(ctx.repos.reviewers.list().map((r) => [r.id, r.name])),
    items: new Map(ctx.repos.reviewQueues.items(queue.record.id).map((i) => [i.id, i])),
    adjudications: ctx.repos.reviewScores.adjudications(queue.record.id),
    corrections: adjudicatedCorrections(ctx, queue.record.id),
  }
  const agreement: AgreementParts['agreement'] = []
  const disagreements: AgreementParts['disagreements'] = []
  for (const criterion of queue.criteria) {
    const byItem = multiplyScored(scores, criterion.key)
    agreement.push(criterionAgreement(criterion, byItem))
    for (const [itemId, list] of byItem) {
      if (new Set(list.map((s) => s.raw)).size < 2) continue
      disagreements.push(disagreement(cells, itemId, criterion.key, list))
    }
  }
  return { agreement, disagreements }
}

interface CellFacts {
  queue: LoadedQueue
  names: ReadonlyMap<string, string>
  items: ReadonlyMap<string, ItemRecord>
  adjudications: readonly AdjudicationRecord[]
  corrections: ReadonlyMap<string, ExpectedChange>
}

function disagreement(
  cells: CellFacts,
  itemId: string,
  criterionKey: string,
  list: readonly RawScore[],
): Disagreement {
  const item = cells.items.get(itemId)
  const content = item ? parseContent(item) : null
  const adjudicated = cells.adjudications.find((j) => j.itemId === itemId && j.criterionKey === criterionKey)
  const corrected = cells.corrections.get(cellKey(itemId, criterionKey))
  return {
    itemId,
    caseKey: content?.caseKey ?? null,
    criterionKey,
    scores: list.map((s) => ({
      reviewerName: cells.names.get(s.reviewerId) ?? s.reviewerId,
      raw: s.raw,
      comment: s.comment,
    })),
    adjudicated: adjudicated
      ? {
          raw: adjudicated.raw,
          by: adjudicated.by,
          reason: adjudicated.reason,
          ...(corrected ? { corrected } : {}),
        }
      : null,
    expected: content?.expected ?? {},
    correctable: cells.queue.record.origin === 'local' && content !== null,
  }
}

const cellKey = (itemId: string, criterionKey: string): string => `${itemId}\u0000${criterionKey}`

const adjudicatedDetails = z.object({
  itemId: z.string(),
  criterionKey: z.string(),
  expected: expectedChangeSchema.optional(),
})

/** Item × criterion → the expected value its adjudication corrected (the newest, when adjudicated again). */
function adjudicatedCorrections(ctx: CoreContext, queueId: string): Map<string, ExpectedChange> {
  const out = new Map<string, ExpectedChange>()
  for (const entry of ctx.repos.audit.forEntityAction('review_queue', queueId, 'review.adjudicated')) {
    const details = adjudicatedDetails.safeParse(JSON.parse(entry.details))
    if (details.success && details.data.expected) {
      out.set(cellKey(details.data.itemId, details.data.criterionKey), details.data.expected)
    }
  }
  return out
}
