import { AppError } from '../../../../shared/contract'
import type { Reviewer } from '../../../../shared/domain/review'
import { writeTransaction, type CoreContext } from '../context'
import { newId } from '../ids'

/** Names are unique (ignoring case): reports and packs identify reviewers by name. */
export function createReviewer(ctx: CoreContext, name: string): Reviewer {
  return writeTransaction(ctx, () => {
    const existing = ctx.repos.reviewers.byName(name)
    if (existing) throw new AppError('CONFLICT', `A reviewer named "${existing.name}" already exists`)
    const reviewer: Reviewer = { id: newId('rev'), name, createdAt: ctx.now() }
    ctx.repos.reviewers.insert(reviewer)
    ctx.repos.audit.append({
      at: reviewer.createdAt,
      actor: ctx.user,
      action: 'reviewer.created',
      entityType: 'reviewer',
      entityId: reviewer.id,
      details: { name },
    })
    return reviewer
  })
}
