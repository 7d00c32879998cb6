import type { QueueReport } from '../../../../shared/domain/review'
import type { RubricCriterion } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import { cohensKappa, krippendorffAlpha, percentAgreement, type AlphaLevel } from './agreement'
import { parseContent } from './content'
import { queueRawScores, type RawScore } from './final-scores'
import type { LoadedQueue } from './queue-view'

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
  const names = new Map(ctx.repos.reviewers.list().map((r) => [r.id, r.name]))
  const items = new Map(ctx.repos.reviewQueues.items(queue.record.id).map((i) => [i.id, i]))
  const adjudications = ctx.repos.reviewScores.adjudications(queue.record.id)
  const agreement: AgreementParts['agreement'] = []
  const disagreements: AgreementParts['disagreements'] = []
  for (const criterion of queue.criteria) {
    const byItem = multiplyScored(scores, criterion.key)
    agreement.push(criterionAgreement(criterion, byItem))
    for (const [itemId, list] of byItem) {
      if (new Set(list.map((s) => s.raw)).size < 2) continue
      const item = items.get(itemId)
      const adjudicated = adjudications.find((j) => j.itemId === itemId && j.criterionKey === criterion.key)
      disagreements.push({
        itemId,
        caseKey: item ? parseContent(item).caseKey : null,
        criterionKey: criterion.key,
        scores: list.map((s) => ({
          reviewerName: names.get(s.reviewerId) ?? s.reviewerId,
          raw: s.raw,
          comment: s.comment,
        })),
        adjudicated: adjudicated
          ? { raw: adjudicated.raw, by: adjudicated.by, reason: adjudicated.reason }
          : null,
      })
    }
  }
  return { agreement, disagreements }
}
