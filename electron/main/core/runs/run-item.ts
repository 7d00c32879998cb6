import type { ModelPrice, RunResult } from '../../../../shared/domain/runs'
import { renderMessages } from '../prompts/templates'
import { isCacheable, requestHash, toCached, type CachedResponse } from './cache'
import { costOf, findPrice } from '../llm/cost'
import type { Slot, SlotSource } from '../llm/limits'
import type { CallLimits, ChatRequest, ChatResponse, Provider } from '../llm/providers/types'
import { callWithRetry, type AttemptRecord, type CallOutcome, type RetryPolicy } from '../llm/retry'
import type { WorkItem } from './work-items'

/** A finished item: its result row, and the answer to store in the response cache when it may be. */
export interface ItemOutcome {
  result: RunResult
  cacheEntry?: { hash: string; response: CachedResponse }
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
}

type Base = Omit<
  RunResult,
  | 'responseText'
  | 'finishReason'
  | 'inputTokens'
  | 'outputTokens'
  | 'cachedTokens'
  | 'costUsd'
  | 'ttftMs'
  | 'totalMs'
  | 'attempts'
  | 'attemptLog'
  | 'errorKind'
  | 'errorMessage'
  | 'cached'
>

/**
 * Ties the mock server's per-key fault scripts and provider logs to exactly one result row: the provider is
 * part of it (the same model id through two providers is two rows), and the model id, which may hold '/',
 * comes last but for the repeat.
 */
export const itemCaseKey = (runId: string, item: WorkItem): string =>
  `${runId}/${item.case.id}/${item.version.id}/${item.model.provider}/${item.model.model}/${item.repeat}`

/**
 * Renders and calls one work item. Returns null only when the call was cancelled: no row is written, so a
 * resumed run calls it again. Every other ending (an answer, a cache hit, a final error) is a row. The item
 * takes its provider slot before it renders, so a run of thousands of cases prepares each one just in time.
 */
export async function runWorkItem(item: WorkItem, ctx: ItemContext): Promise<ItemOutcome | null> {
  let slot: Slot
  try {
    slot = await ctx.slots.acquire({ signal: ctx.stopTaking })
  } catch {
    return null
  }
  const prepared = prepare(item, ctx)
  if (prepared.hit) {
    slot.release({ kind: 'none' })
    return { result: fromCache(prepared.base, prepared.hit) }
  }
  const hooks = ctx.onAttempt ? { onAttempt: ctx.onAttempt } : {}
  const deps = { slots: ctx.slots, stopWaiting: ctx.stopTaking, firstSlot: slot }
  const outcome = await callWithRetry(ctx.provider, prepared.request, ctx.policy, hooks, deps)
  if (!outcome.ok && (outcome.error.kind === 'cancelled' || ctx.signal.aborted)) return null
  const result = toResult(prepared.base, outcome, findPrice(ctx.priceTable, item.model))
  if (outcome.ok && prepared.hash !== null)
    return { result, cacheEntry: { hash: prepared.hash, response: toCached(outcome.response) } }
  return { result }
}

type Prepared =
  | { base: Base; hit: CachedResponse; hash: string }
  | { base: Base; hit: null; hash: string | null; request: ChatRequest }

function prepare(item: WorkItem, ctx: ItemContext): Prepared {
  const { version, model } = item
  const messages = renderMessages(version.messages, item.case).messages
  const params = version.params
  const base: Base = {
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
  }
  const hash = isCacheable(params, ctx.useCache) ? requestHash(model, messages, params) : null
  const hit = hash === null ? null : ctx.cacheLookup(hash)
  if (hit && hash !== null) return { base, hit, hash }
  const request: ChatRequest = {
    messages,
    model,
    params,
    caseKey: itemCaseKey(ctx.runId, item),
    signal: ctx.signal,
    limits: ctx.limits,
    ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
  }
  return { base, hit: null, hash, request }
}

function toResult(base: Base, outcome: CallOutcome, price: ModelPrice | undefined): RunResult {
  const attempts = { attempts: outcome.attempts.length, attemptLog: outcome.attempts, cached: false }
  if (outcome.ok) return { ...base, ...answered(outcome.response, price), ...attempts }
  return {
    ...base,
    ...noAnswer,
    ...attempts,
    errorKind: outcome.error.kind,
    errorMessage: outcome.error.message,
  }
}

const noAnswer = {
  responseText: null,
  finishReason: null,
  inputTokens: null,
  outputTokens: null,
  cachedTokens: null,
  costUsd: null,
  ttftMs: null,
  totalMs: null,
}

function answered(response: ChatResponse, price: ModelPrice | undefined) {
  return {
    responseText: response.text,
    toolCalls: response.toolCalls,
    finishReason: response.finishReason,
    inputTokens: response.usage.inputTokens,
    outputTokens: response.usage.outputTokens,
    cachedTokens: response.usage.cachedTokens,
    costUsd: costOf(price, response.usage),
    ttftMs: response.ttftMs,
    totalMs: response.totalMs,
    errorKind: null,
    errorMessage: null,
  }
}

/** A cache hit costs nothing and took no call: tokens are the original answer's, for reference. */
function fromCache(base: Base, hit: CachedResponse): RunResult {
  return {
    ...base,
    responseText: hit.text,
    finishReason: hit.finishReason,
    inputTokens: hit.usage.inputTokens,
    outputTokens: hit.usage.outputTokens,
    cachedTokens: hit.usage.cachedTokens,
    costUsd: 0,
    ttftMs: null,
    totalMs: 0,
    attempts: 0,
    attemptLog: [],
    errorKind: null,
    errorMessage: null,
    cached: true,
  }
}
