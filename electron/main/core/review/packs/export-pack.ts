import { canonicalJsonPretty } from '../../../../../shared/lib/canonical-json'
import type { CoreContext } from '../../context'
import { slugify } from '../../prompts/files'
import { parseContent, parseDefinition, parseResults, type ItemContent } from '../content'
import { loadQueue } from '../queue-view'
import { packFormat, type ReviewPack } from './format'
import type { PackRepo } from '../../db/repos/review-packs'

type PackBody = Omit<ReviewPack, 'exportedAt' | 'exportedBy'>

/** The pack file of a queue: `<queue-slug>.review-pack.json`, canonical so two exports diff cleanly. */
export function exportReviewPack(
  ctx: CoreContext,
  repo: PackRepo,
  queueId: string,
): { fileName: string; content: string } {
  const pack: ReviewPack = { ...packBody(ctx, repo, queueId), exportedAt: ctx.now(), exportedBy: ctx.user }
  return { fileName: `${slugify(pack.queue.name)}.review-pack.json`, content: canonicalJsonPretty(pack) }
}

/** Everything in a pack but who exported it and when: two packs of the same queue have equal bodies. */
export function packBody(ctx: CoreContext, repo: PackRepo, queueId: string): PackBody {
  const { record, rubric, criteria } = loadQueue(ctx, queueId)
  const definition = parseDefinition(record)
  const assignments = repo.assignments(queueId)
  return {
    format: packFormat,
    version: 1,
    queue: {
      id: record.id,
      name: record.name,
      runId: record.runId,
      mode: record.mode,
      blind: record.blind,
      reviewersPerItem: record.reviewersPerItem,
      criterionKeys: criteria.map((c) => c.key),
      // The pair names models and prompt versions: a blind pack keeps only how items were chosen.
      definition: record.blind ? { source: definition.source } : definition,
      createdAt: record.createdAt,
      createdBy: record.createdBy,
    },
    rubric: {
      key: rubric.key,
      version: rubric.version,
      name: rubric.name,
      description: rubric.description,
      criteria: rubric.criteria,
    },
    reviewers: [...new Set(assignments.map((a) => a.reviewer_name))].sort().map((name) => ({ name })),
    items: ctx.repos.reviewQueues.items(queueId).map((item) => ({
      id: item.id,
      caseId: item.caseId,
      position: item.position,
      results: record.blind ? null : parseResults(item),
      content: record.blind ? blindContent(parseContent(item)) : parseContent(item),
    })),
    assignments: assignments
      .map((a) => ({
        id: a.id,
        itemId: a.item_id,
        reviewerName: a.reviewer_name,
        position: a.position,
        swapped: a.swapped === 1,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
  }
}

/** The item as a blind reviewer sees it: the outputs lose the model and prompt version that made them. */
const blindContent = (content: ItemContent): ItemContent => ({
  ...content,
  outputs: content.outputs.map((o) => ({
    text: o.text,
    error: o.error,
    toolCalls: o.toolCalls,
    promptVersionNumber: null,
    provider: null,
    modelId: null,
  })),
})
