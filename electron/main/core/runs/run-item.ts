import type { ModelPrice } from '../../../../shared/domain/runs'
import { renderMessages } from '../prompts/templates'
import { isCacheable, requestHash, toCached, type CachedResponse } from './cache'
import { findPrice } from '../llm/cost'
import type { Slot, SlotSource } from '../llm/limits'
import type { CallLimits, ChatRequest, Provider } from '../llm/providers/types'
import { callWithRetry, type AttemptRecord, type RetryPolicy } from '../llm/retry'
import { fromCache, toResult, type ResultBase } from './item-result'
import { toolLoopPlanOf } from './tool-loop'
import { runToolLoop, type StepStore } from './tool-loop-run'
import { itemCaseKey, type WorkItem } from './work-items'
import type { RunResult } from '../../../../shared/domain/runs'

/**
 * A finished item: its result row, and the answers to store in the response cache when they may be (one per
 * model call that was made: a tool loop has one per step).
 */
export interface ItemOutcome {
  result: RunResult
  cacheEntries?: { hash: string; response: CachedResponse }[]
}

export interface ItemContext {
  runId: string
  provider: Provider
  priceTable: readonly ModelPrice[]
  useCache: boolean
  policy: Partial<RetryPolicy>
  /** An explicit whole-call limit (tests); otherwise the provider's limits decide. */
  timeoutMs?: number
  /** The provider's request and idle limits (settings, CLI flags, else learned). */
  limits: CallLimits
  /** The provider's slots: one per attempt. */
  slots: SlotSource
  /** Stops waiting for a slot (pause, cancel): the item ends without a row and is called on resume. */
  stopTaking: AbortSignal
  /** Aborts the call itself (cancel, quit). */
  signal: AbortSignal
  nowIso: () => string
  cacheLookup: (hash: string) => CachedResponse | null
  onAttempt?: (record: AttemptRecord) => void
  /** Pieces of the answer text as they stream (the playground shows them); a tool loop sends none. */
  onText?: (delta: string) => void
  /**
   * Where a tool loop's steps are stored as each call ends and read back on resume. Without it a case with
   * canned results is one call, its tool calls recorded but not answered.
   */
  steps?: StepStore
}

/**
 * Renders and calls one work item: one call, or a case's tool loop (see tool-loop-run.ts). Returns null only
 * when the call was cancelled: no row is written, so a resumed run calls it again (a loop keeps its stored
 * steps). Every other ending (an answer, a cache hit, a final error) is a row. The item takes its provider slot
 * before it renders, so a run of thousands of cases prepares each one just in time.
 */
export async function runWorkItem(item: WorkItem, ctx: ItemContext): Promise<ItemOutcome | null> {
  let slot: Slot
  try {
    slot = await ctx.slots.acquire({ signal: ctx.stopTaking })
  } catch {
    return null
  }
  const base = baseOf(item, ctx)
  const loop = toolLoopPlanOf(item)
  if (loop && ctx.steps) return runToolLoop(item, { ...ctx, steps: ctx.steps }, loop, base, slot)
  return callOnce(item, ctx, base, slot)
}

async function callOnce(
  item: WorkItem,
  ctx: ItemContext,
  base: ResultBase,
  slot: Slot,
): Promise<ItemOutcome | null> {
  const { messages, params } = base.request
  const hash = isCacheable(params, ctx.useCache) ? requestHash(item.model, messages, params) : null
  const hit = hash === null ? null : ctx.cacheLookup(hash)
  if (hit) {
    slot.release({ kind: 'none' })
    return { result: fromCache(base, hit) }
  }
  const request: ChatRequest = {
    messages,
    model: item.model,
    params,
    caseKey: itemCaseKey(ctx.runId, item),
    signal: ctx.signal,
    limits: ctx.limits,
    ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
    ...(ctx.onText ? { onText: ctx.onText } : {}),
  }
  const hooks = ctx.onAttempt ? { onAttempt: ctx.onAttempt } : {}
  const deps = { slots: ctx.slots, stopWaiting: ctx.stopTaking, firstSlot: slot }
  const outcome = await callWithRetry(ctx.provider, request, ctx.policy, hooks, deps)
  if (!outcome.ok && (outcome.error.kind === 'cancelled' || ctx.signal.aborted)) return null
  const result = toResult(base, outcome, findPrice(ctx.priceTable, item.model))
  if (outcome.ok && hash !== null)
    return { result, cacheEntries: [{ hash, response: toCached(outcome.response) }] }
  return { result }
}

/** The row before its answer; the request is the case rendered with the version, its conversation in place. */
export function baseOf(item: WorkItem, ctx: Pick<ItemContext, 'runId' | 'nowIso'>): ResultBase {
  const { version, model } = item
  const { vars, key, conversation } = item.case
  const messages = renderMessages(version.messages, { vars, key, conversation }).messages
  const params = version.params
  return {
    runId: ctx.runId,
    caseId: item.case.id,
    promptVersionId: version.id,
    promptHash: version.contentHash,
    provider: model.provider,
    modelId: model.model,
    repeat: item.repeat,
    params,
    request: { messages, params },
    createdAt: ctx.nowIso(),
    toolCalls: [],
    steps: null,
    batch: false,
  }
}
