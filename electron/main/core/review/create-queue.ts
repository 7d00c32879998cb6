import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { Queue, QueueDraft, ReviewToolCall } from '../../../../shared/domain/review'
import type { Rubric } from '../../../../shared/domain/scoring'
import { sameSlice } from '../../../../shared/lib/model-identity'
import { writeTransaction, type CoreContext } from '../context'
import type { ScoredOutput } from '../db/repos/run-scores'
import { newId } from '../ids'
import { planAssignments } from './assign'
import type { ItemContent, ItemResult, QueueDefinition } from './content'
import { queueById } from './queue-view'
import { runOutputs, selectOutputs } from './select'

/** One item to create: the output(s) under review, in queue order (a, b for pairwise). */
export type PlannedItem = ScoredOutput[]

function requireRubric(ctx: CoreContext, draft: QueueDraft): Rubric {
  const rubric = ctx.repos.rubrics.byId(draft.rubricId)
  if (!rubric) throw new AppError('NOT_FOUND', `No rubric with id ${draft.rubricId}`)
  const known = new Set(rubric.criteria.map((c) => c.key))
  const unknown = (draft.criterionKeys ?? []).filter((k) => !known.has(k))
  if (unknown.length > 0)
    throw new AppError('INVALID_INPUT', `Rubric "${rubric.name}" has no criterion ${unknown.join(', ')}`)
  return rubric
}

function requireReviewers(ctx: CoreContext, draft: QueueDraft): string[] {
  const ids = [...new Set(draft.reviewerIds)]
  for (const id of ids)
    if (!ctx.repos.reviewers.byId(id)) throw new AppError('NOT_FOUND', `No reviewer with id ${id}`)
  if (draft.reviewersPerItem > ids.length)
    throw new AppError(
      'INVALID_INPUT',
      `Each item needs ${draft.reviewersPerItem} reviewers, but only ${ids.length} are assigned`,
    )
  return ids
}

/** Pairwise: per selected case, its first output of slice a and of slice b; cases missing either are left out. */
function pairItems(draft: Pick<QueueDraft, 'pair'>, selected: readonly ScoredOutput[]): PlannedItem[] {
  const pair = draft.pair
  if (!pair) throw new AppError('INVALID_INPUT', 'A pairwise queue needs the two slices to compare (pair)')
  const items: PlannedItem[] = []
  for (const caseId of new Set(selected.map((o) => o.caseId))) {
    const a = selected.find((o) => o.caseId === caseId && sameSlice(o, pair.a))
    const b = selected.find((o) => o.caseId === caseId && sameSlice(o, pair.b))
    if (a && b) items.push([a, b])
  }
  return items
}

function itemContent(
  ctx: CoreContext,
  runId: string,
  outputs: PlannedItem,
  c: DatasetCase | undefined,
): ItemContent {
  return {
    caseKey: c?.key ?? null,
    input: c?.vars ?? {},
    conversation: c?.conversation ?? [],
    expected: c?.expected ?? {},
    outputs: outputs.map((o) => ({
      text: o.responseText,
      error: o.errorMessage,
      toolCalls: resultToolCalls(ctx, runId, o),
      promptVersionNumber: ctx.repos.prompts.versionById(o.promptVersionId)?.number ?? null,
      provider: o.provider,
      modelId: o.modelId,
    })),
  }
}

/** More than any run's repeats of one case × slice (a run plan allows far fewer). */
const REPEATS_MAX = 1_000

/** The result's tool calls as a reviewer sees them: name and exact argument text, never the provider's id. */
function resultToolCalls(ctx: CoreContext, runId: string, o: ScoredOutput): ReviewToolCall[] {
  const { caseId, promptVersionId, provider, modelId } = o
  const found = ctx.repos.runResults
    .page(runId, { caseId, promptVersionId, provider, modelId }, 0, REPEATS_MAX)
    .find((r) => r.repeat === o.repeat)
  return (found?.toolCalls ?? []).map((call) => ({ name: call.name, arguments: call.arguments }))
}

const itemResult = (o: ScoredOutput): ItemResult => ({
  promptVersionId: o.promptVersionId,
  provider: o.provider,
  modelId: o.modelId,
  repeat: o.repeat,
})

export function planItems(
  ctx: CoreContext,
  draft: Pick<QueueDraft, 'runId' | 'source' | 'mode' | 'pair'>,
  cases: Map<string, DatasetCase>,
): PlannedItem[] {
  const outputs = runOutputs(ctx, draft.runId)
  if (outputs.length === 0) throw new AppError('INVALID_INPUT', 'The run has no results to review yet')
  const selected = selectOutputs(ctx, draft.runId, draft.source, outputs, cases)
  const items = draft.mode === 'pairwise' ? pairItems(draft, selected) : selected.map((o) => [o])
  if (items.length === 0) throw new AppError('INVALID_INPUT', 'No results of the run match this selection')
  return items
}

/** Validates the draft, selects the results, and writes the queue, its items and every reviewer's order. */
export function createQueue(ctx: CoreContext, draft: QueueDraft): Queue {
  return writeTransaction(ctx, () => {
    const run = ctx.repos.runs.get(draft.runId)
    if (!run) throw new AppError('NOT_FOUND', `No run with id ${draft.runId}`)
    const rubric = requireRubric(ctx, draft)
    const reviewerIds = requireReviewers(ctx, draft)
    const cases = new Map(ctx.repos.snapshots.allCases(run.datasetSnapshotId).map((c) => [c.id, c]))
    const items = planItems(ctx, draft, cases)
    const queueId = newId('rq')
    const definition: QueueDefinition = {
      criterionKeys: draft.criterionKeys ?? rubric.criteria.map((c) => c.key),
      source: draft.source,
      ...(draft.pair ? { pair: draft.pair } : {}),
    }
    const createdAt = ctx.now()
    ctx.repos.reviewQueues.insert({
      id: queueId,
      name: draft.name,
      runId: run.id,
      rubricId: rubric.id,
      mode: draft.mode,
      blind: draft.blind,
      reviewersPerItem: draft.reviewersPerItem,
      definition: JSON.stringify(definition),
      origin: 'local',
      createdAt,
      createdBy: ctx.user,
    })
    const itemIds = items.map((outputs, i) => {
      const first = outputs[0] as ScoredOutput
      const id = newId('ri')
      ctx.repos.reviewQueues.insertItem({
        id,
        queueId,
        caseId: first.caseId,
        results: JSON.stringify(outputs.map(itemResult)),
        content: JSON.stringify(itemContent(ctx, run.id, outputs, cases.get(first.caseId))),
        position: i + 1,
      })
      return id
    })
    const seed = draft.source.kind === 'sample' ? draft.source.seed : 1
    for (const p of planAssignments(items.length, reviewerIds, draft.reviewersPerItem, seed)) {
      ctx.repos.reviewAssignments.insert({
        id: newId('ra'),
        queueId,
        itemId: itemIds[p.itemIndex] as string,
        reviewerId: p.reviewerId,
        position: p.position,
        swapped: draft.mode === 'pairwise' && p.swapped,
        status: 'pending',
        skipReason: null,
        preference: null,
        updatedAt: createdAt,
      })
    }
    ctx.repos.audit.append({
      at: createdAt,
      actor: ctx.user,
      action: 'review.queue_created',
      entityType: 'review_queue',
      entityId: queueId,
      details: {
        name: draft.name,
        runId: run.id,
        rubricId: rubric.id,
        items: items.length,
        mode: draft.mode,
      },
    })
    return queueById(ctx, queueId)
  })
}
