import { AppError } from '../../../../../shared/contract'
import type { Queue } from '../../../../../shared/domain/review'
import type { Rubric } from '../../../../../shared/domain/scoring'
import { canonicalJson } from '../../../../../shared/lib/canonical-json'
import { writeTransaction, type CoreContext } from '../../context'
import { newId } from '../../ids'
import type { QueueDefinition } from '../content'
import { queueById } from '../queue-view'
import { checkPack } from './check-pack'
import { packBody } from './export-pack'
import { parseReviewFile, reviewPackSchema, type ReviewPack } from './format'
import type { PackRepo } from '../../db/repos/review-packs'

/**
 * Creates the pack's queue here as an 'imported' queue with the same ids, so returned scores match by id.
 * Importing the same pack again changes nothing; a different pack reusing the queue's id is refused.
 */
export function importReviewPack(ctx: CoreContext, repo: PackRepo, content: string): Queue {
  const pack = parseReviewFile(reviewPackSchema, 'review pack', content)
  checkPack(pack)
  return writeTransaction(ctx, () => {
    if (repo.hasQueue(pack.queue.id)) return sameQueueAgain(ctx, repo, pack)
    refuseTakenIds(ctx, repo, pack)
    const rubric = rubricFor(ctx, pack)
    const reviewerIds = reviewersFor(ctx, pack)
    insertQueue(ctx, pack, rubric, reviewerIds)
    ctx.repos.audit.append({
      at: ctx.now(),
      actor: ctx.user,
      action: 'review.pack_imported',
      entityType: 'review_queue',
      entityId: pack.queue.id,
      details: { items: pack.items.length, rubricId: rubric.id, reviewers: [...reviewerIds.keys()] },
    })
    return queueById(ctx, pack.queue.id)
  })
}

/**
 * What identifies a pack's content. Left out (canonical JSON drops undefined): who exported it and when, and
 * what may differ by workspace — the rubric's version number, the stored definition, reviewer names' case.
 */
function identity(body: Omit<ReviewPack, 'exportedAt' | 'exportedBy'>): string {
  return canonicalJson({
    ...body,
    exportedAt: undefined,
    exportedBy: undefined,
    queue: { ...body.queue, definition: undefined },
    rubric: { ...body.rubric, version: undefined },
    reviewers: body.reviewers.map((r) => r.name.toLowerCase()),
    assignments: body.assignments.map((a) => ({ ...a, reviewerName: a.reviewerName.toLowerCase() })),
  })
}

function sameQueueAgain(ctx: CoreContext, repo: PackRepo, pack: ReviewPack): Queue {
  if (identity(packBody(ctx, repo, pack.queue.id)) !== identity(pack)) {
    throw new AppError(
      'CONFLICT',
      `A different review queue with id ${pack.queue.id} is already in this workspace; this pack was not imported`,
      { queueId: pack.queue.id },
    )
  }
  return queueById(ctx, pack.queue.id)
}

function refuseTakenIds(ctx: CoreContext, repo: PackRepo, pack: ReviewPack): void {
  const item = pack.items.find((i) => ctx.repos.reviewQueues.item(i.id) !== null)
  const assignment = pack.assignments.find((a) => repo.assignment(a.id) !== undefined)
  const taken = item ? `item ${item.id}` : assignment ? `assignment ${assignment.id}` : null
  if (taken) {
    throw new AppError('CONFLICT', `The review pack's ${taken} already belongs to another queue here`)
  }
}

const rubricContent = (r: Pick<Rubric, 'name' | 'description' | 'criteria'>): string =>
  canonicalJson({ name: r.name, description: r.description, criteria: r.criteria })

/** The local version of the pack's rubric with the same content, or a new version of its key. */
function rubricFor(ctx: CoreContext, pack: ReviewPack): Rubric {
  const versions = ctx.repos.rubrics.versions(pack.rubric.key)
  const same = versions.find((v) => rubricContent(v) === rubricContent(pack.rubric))
  if (same) return same
  const { key, name, description, criteria } = pack.rubric
  const rubric: Rubric = {
    key,
    name,
    description,
    criteria,
    id: newId('rub'),
    version: (versions[0]?.version ?? 0) + 1,
    createdAt: ctx.now(),
  }
  ctx.repos.rubrics.insert(rubric)
  return rubric
}

/** Reviewer ids by the pack's names, making a profile for each name this workspace does not know. */
function reviewersFor(ctx: CoreContext, pack: ReviewPack): Map<string, string> {
  const ids = new Map<string, string>()
  for (const { name } of pack.reviewers) {
    let reviewer = ctx.repos.reviewers.byName(name)
    if (!reviewer) {
      reviewer = { id: newId('rvw'), name, createdAt: ctx.now() }
      ctx.repos.reviewers.insert(reviewer)
    }
    ids.set(name, reviewer.id)
  }
  return ids
}

/**
 * A pack exported before providers were told apart names its pair by model id only; each item's results
 * (a first, b second) name the provider, so the pair is completed from them.
 */
function pairWithProviders(pack: ReviewPack): Pick<QueueDefinition, 'pair'> {
  const pair = pack.queue.definition.pair
  if (!pair) return {}
  const results = pack.items.find((i) => i.results && i.results.length === 2)?.results
  const side = (s: typeof pair.a, i: 0 | 1) => ({ ...s, provider: s.provider ?? results?.[i]?.provider })
  return { pair: { a: side(pair.a, 0), b: side(pair.b, 1) } }
}

function insertQueue(
  ctx: CoreContext,
  pack: ReviewPack,
  rubric: Rubric,
  reviewerIds: Map<string, string>,
): void {
  const { queue } = pack
  ctx.repos.reviewQueues.insert({
    id: queue.id,
    name: queue.name,
    runId: queue.runId,
    rubricId: rubric.id,
    mode: queue.mode,
    blind: queue.blind,
    reviewersPerItem: queue.reviewersPerItem,
    definition: JSON.stringify({
      ...queue.definition,
      ...pairWithProviders(pack),
      criterionKeys: queue.criterionKeys,
    }),
    origin: 'imported',
    createdAt: queue.createdAt,
    createdBy: queue.createdBy,
  })
  for (const item of pack.items) {
    ctx.repos.reviewQueues.insertItem({
      id: item.id,
      queueId: queue.id,
      caseId: item.caseId,
      // A blind pack has no results: there is no run here to score, only the snapshot to review.
      results: JSON.stringify(item.results ?? []),
      content: JSON.stringify(item.content),
      position: item.position,
    })
  }
  const importedAt = ctx.now()
  for (const a of pack.assignments) {
    ctx.repos.reviewAssignments.insert({
      id: a.id,
      queueId: queue.id,
      itemId: a.itemId,
      reviewerId: reviewerIds.get(a.reviewerName) as string,
      position: a.position,
      swapped: a.swapped,
      status: 'pending',
      skipReason: null,
      preference: null,
      updatedAt: importedAt,
    })
  }
}
