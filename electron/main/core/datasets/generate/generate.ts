import { AppError } from '../../../../../shared/contract'
import { generationSystem, generationUser } from '../../../../../shared/domain/case-generation'
import type { GenerationResult } from '../../../../../shared/domain/case-drafts'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelKey } from '../../../../../shared/lib/model-ref'
import { writeTransaction, type CoreContext } from '../../context'
import type { NewDraft } from '../../db/repos/case-drafts'
import { newId } from '../../ids'
import type { ChatRequest } from '../../llm/providers/types'
import { callWithRetry } from '../../llm/retry'
import { uniqueTags } from '../case-keys'
import { auditDataset, requireDataset } from '../detail'
import { listDrafts } from './drafts'
import { parseGenerated, type GeneratedCase } from './parse'
import { readSegment, type Segment } from './shape'

export interface GenerateRequest {
  datasetId: string
  tags: readonly string[]
  model: ModelRef
  count: number
}

/** Room for `count` cases of the examples' size, with a margin; a model stopping short leaves broken JSON. */
const tokensPerCase = 600

/**
 * Asks `model` for `count` new cases like the segment's, through the core's LLM gateway (its lane, limits and
 * retries), checks every one against the segment's shape and stores them as pending drafts, all or none.
 * The call happens outside any transaction; the dataset is read again when the drafts are written.
 */
export async function generateCases(ctx: CoreContext, request: GenerateRequest): Promise<GenerationResult> {
  const tags = uniqueTags(request.tags)
  requireDataset(ctx.repos, request.datasetId)
  const segment = readSegment(ctx.repos, request.datasetId, tags)
  const text = await askModel(ctx, request, segment, tags)
  const cases = parseGenerated(text, segment.shape, request.count)
  const batchId = newId('gen')
  writeTransaction(ctx, () => {
    requireDataset(ctx.repos, request.datasetId)
    ctx.repos.caseDrafts.insertMany(cases.map((c, i) => draftOf(ctx, request, tags, batchId, c, i)))
    auditDataset(ctx, 'cases.generated', request.datasetId, {
      batchId,
      segment: tags,
      model: modelKey(request.model),
      asked: request.count,
      received: cases.length,
    })
  })
  const drafts = listDrafts(ctx.repos, request.datasetId).filter((d) => d.batchId === batchId)
  return { batchId, asked: request.count, received: cases.length, drafts }
}

async function askModel(
  ctx: CoreContext,
  request: GenerateRequest,
  segment: Segment,
  tags: readonly string[],
): Promise<string> {
  const settings = ctx.llm.settings(request.model.provider)
  const calls = ctx.llm.provider(request.model.provider, settings)
  const chat: ChatRequest = {
    messages: [
      { role: 'system', content: generationSystem() },
      {
        role: 'user',
        content: generationUser({
          segment: tags,
          count: request.count,
          variables: segment.shape.variables,
          expectedFields: segment.shape.requiredExpected,
          examples: segment.examples,
        }),
      },
    ],
    model: request.model,
    params: { temperature: 0.7, maxTokens: Math.min(32_000, 1000 + tokensPerCase * request.count) },
    caseKey: `generate/${request.datasetId}`,
    limits: calls.limits,
    ...(ctx.llm.options.timeoutMs !== undefined ? { timeoutMs: ctx.llm.options.timeoutMs } : {}),
  }
  const outcome = await callWithRetry(
    calls.provider,
    chat,
    ctx.llm.options.retryPolicy ?? {},
    {},
    { slots: calls.slots },
  )
  if (!outcome.ok) {
    throw new AppError(
      'INVALID_INPUT',
      `${modelKey(request.model)} could not be asked for cases: ${outcome.error.message} Nothing was stored: check the provider in Settings, or choose another model.`,
      { source: 'provider', kind: outcome.error.kind, status: outcome.error.status },
    )
  }
  if (outcome.response.finishReason === 'length') {
    throw new AppError(
      'INVALID_INPUT',
      `${modelKey(request.model)} stopped at its token limit before finishing the cases. Nothing was stored: ask for fewer cases at a time.`,
      { source: 'model' },
    )
  }
  return outcome.response.text
}

function draftOf(
  ctx: CoreContext,
  request: GenerateRequest,
  tags: readonly string[],
  batchId: string,
  c: GeneratedCase,
  position: number,
): NewDraft {
  return {
    ...c,
    id: newId('draft'),
    datasetId: request.datasetId,
    batchId,
    position,
    segment: [...tags],
    model: request.model,
    tags: [...tags],
    createdAt: ctx.now(),
    createdBy: ctx.user,
  }
}
