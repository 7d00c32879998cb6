import type { ChatMessage } from '../../../../shared/domain/conversation'
import { writeTransaction, type CoreContext } from '../context'
import type { StepOwner, StoredStep } from '../db/repos/run-item-steps'
import { findPrice } from '../llm/cost'
import type { Slot } from '../llm/limits'
import { callWithRetry } from '../llm/retry'
import { isCacheable, requestHash, toCached } from './cache'
import { loopFailure, loopResult, stepFromCache, stepFromResponse, type ResultBase } from './item-result'
import type { ItemContext, ItemOutcome } from './run-item'
import { callsOf, messagesAfter, sequelOf, type ToolLoopPlan } from './tool-loop'
import { itemCaseKey, type WorkItem } from './work-items'

/** Where a loop's finished steps are kept until the item's result row is written (see run_item_steps). */
export interface StepStore {
  /** The item's steps stored by an earlier process (a run cut off mid-loop), in order. */
  load(owner: StepOwner): StoredStep[]
  /** Stores one step as soon as its call ended; throws when it cannot, which fails the run. */
  save(owner: StepOwner, stored: StoredStep): void
}

/**
 * The run's steps in run_item_steps, each stored in its own short transaction as its call ends: a step is a
 * paid call, and a run cut off mid-loop resumes after the last one stored. Nothing is stored once `closing()`.
 */
export function runItemStepStore(ctx: CoreContext, closing: () => boolean): StepStore {
  return {
    load: (owner) => ctx.repos.runItemSteps.list(owner),
    save: (owner, stored) => {
      if (closing()) throw new Error('The run was stopped: the step is not stored')
      writeTransaction(ctx, () => ctx.repos.runItemSteps.insert(owner, stored))
    },
  }
}

interface LoopState {
  item: WorkItem
  ctx: ItemContext
  plan: ToolLoopPlan
  owner: StepOwner
  base: ResultBase
  /** The steps so far: loaded from the store, then each new one as it is stored. */
  stored: StoredStep[]
  cacheEntries: NonNullable<ItemOutcome['cacheEntries']>
  /** The slot the item took before it rendered: used by its first call, given back if none is made. */
  slot: Slot | undefined
}

type StepEnd = { kind: 'next' } | { kind: 'done'; outcome: ItemOutcome | null }

/**
 * Runs a case's tool loop: each model call is a step, its tool calls answered with the case's canned results
 * and sent back, until the model answers without calling a tool, a tool has no canned result, or the version's
 * step limit. Each step is stored as its call ends, so a run cut off mid-loop resumes after the last stored
 * step and never calls (or pays for) a stored one again. Returns null when cancelled, like a single call.
 */
export async function runToolLoop(
  item: WorkItem,
  ctx: ItemContext & { steps: StepStore },
  plan: ToolLoopPlan,
  base: ResultBase,
  firstSlot: Slot,
): Promise<ItemOutcome | null> {
  const owner: StepOwner = {
    runId: ctx.runId,
    caseId: item.case.id,
    promptVersionId: item.version.id,
    provider: item.model.provider,
    modelId: item.model.model,
    repeat: item.repeat,
  }
  const state: LoopState = { item, ctx, plan, owner, base, stored: [], cacheEntries: [], slot: firstSlot }
  try {
    state.stored = ctx.steps.load(owner)
    for (;;) {
      const end = await nextStep(state, ctx.steps)
      if (end.kind === 'done') return end.outcome
    }
  } finally {
    state.slot?.release({ kind: 'none' })
  }
}

/** Ends the loop when its last step says so, else makes the next call (or takes it from the cache). */
async function nextStep(state: LoopState, store: StepStore): Promise<StepEnd> {
  const { stored, plan } = state
  const last = stored.at(-1)
  const index = stored.length
  if (last) {
    const sequel = sequelOf(last.step.step, last.step.toolCalls, callsOf(earlier(stored)), plan)
    if (sequel.kind === 'end') return { kind: 'done', outcome: finished(state, sequel.finishReason) }
  }
  const messages = last ? messagesAfter(last.step) : state.base.request.messages
  const made = await makeStep(state, index, messages)
  if (made.kind === 'done') return made
  const step = made.stored.step
  const sequel = sequelOf(index, step.toolCalls, callsOf(stored.map((s) => s.step)), plan)
  if (sequel.kind === 'continue') step.toolResults = sequel.toolResults
  store.save(state.owner, made.stored)
  stored.push(made.stored)
  return { kind: 'next' }
}

const earlier = (stored: readonly StoredStep[]) => stored.slice(0, -1).map((s) => s.step)

function finished(state: LoopState, finishReason: string | null): ItemOutcome {
  const result = loopResult(state.base, state.stored, finishReason)
  return state.cacheEntries.length > 0 ? { result, cacheEntries: state.cacheEntries } : { result }
}

type Made = { kind: 'made'; stored: StoredStep } | { kind: 'done'; outcome: ItemOutcome | null }

/** One model call of the loop: a cache hit, an answer, a final error (the row), or a cancel (no row). */
async function makeStep(state: LoopState, index: number, messages: ChatMessage[]): Promise<Made> {
  const { item, ctx } = state
  const { model, version } = item
  const hash = isCacheable(version.params, ctx.useCache) ? requestHash(model, messages, version.params) : null
  const hit = hash === null ? null : ctx.cacheLookup(hash)
  if (hit)
    return { kind: 'made', stored: { step: stepFromCache(index, messages, hit), attempts: [], cached: true } }
  const request = {
    messages,
    model,
    params: version.params,
    caseKey: itemCaseKey(ctx.runId, item),
    signal: ctx.signal,
    limits: ctx.limits,
    ...(ctx.timeoutMs !== undefined ? { timeoutMs: ctx.timeoutMs } : {}),
  }
  const hooks = ctx.onAttempt ? { onAttempt: ctx.onAttempt } : {}
  const firstSlot = state.slot
  state.slot = undefined // the call gives it back
  const deps = { slots: ctx.slots, stopWaiting: ctx.stopTaking, ...(firstSlot ? { firstSlot } : {}) }
  const outcome = await callWithRetry(ctx.provider, request, ctx.policy, hooks, deps)
  if (!outcome.ok && (outcome.error.kind === 'cancelled' || ctx.signal.aborted))
    return { kind: 'done', outcome: null }
  if (!outcome.ok) {
    const result = loopFailure(state.base, state.stored, outcome.error, outcome.attempts)
    return { kind: 'done', outcome: { result } }
  }
  if (hash !== null) state.cacheEntries.push({ hash, response: toCached(outcome.response) })
  const price = findPrice(ctx.priceTable, model)
  const step = stepFromResponse(index, messages, outcome.response, price)
  return { kind: 'made', stored: { step, attempts: outcome.attempts, cached: false } }
}
