import type { ModelPrice } from '../../../../../shared/domain/runs'
import type { BatchItem, BatchItemState } from '../../db/repos/batch-items'
import type { StoredBatchJob } from '../../db/repos/batch-jobs'
import type { BatchItemOutcome } from '../../llm/batch/types'
import type { ProviderErrorKind } from '../../llm/providers/types'
import { toCached } from '../cache'
import type { ResultBase } from '../item-result'
import type { ItemOutcome } from '../run-item'
import { batchAnswer, batchError, type BatchAttempt } from './batch-result'

/** An item is sent in at most this many batch jobs; then what happened to it is its recorded error. */
export const maxBatchAttempts = 3
/** A job the provider failed as a whole is sent again once; then its items record the provider's reason. */
const maxFailedJobAttempts = 2

/**
 * What an item is sent again for. 'auth' too: a key refused for one item of a job the provider accepted is
 * sent in a later job, whose submission then fails the run (resumable) if the key is really refused, instead of
 * one error row per item that a gate would read as a regression.
 */
const retryable: ReadonlySet<ProviderErrorKind> = new Set([
  'rate_limited',
  'server',
  'timeout',
  'network',
  'auth',
])

/** What collecting one ended job writes, in one transaction. */
export interface CollectPlan {
  results: ItemOutcome[]
  states: { customId: string; state: BatchItemState }[]
  /** Items for a later job, with the attempt they will be sent as. */
  requeue: BatchItem[]
  /** Requests whose answer is now cached: their waiting repeats are answered from it. */
  answered: Set<string>
  /** Requests that ended without an answer: their waiting repeats are sent themselves. */
  unanswered: Set<string>
}

export interface CollectInput {
  job: StoredBatchJob
  items: readonly BatchItem[]
  /** The item's result row before its answer; null when the item already has a result (nothing to write). */
  baseOf: (item: BatchItem) => ResultBase | null
  priceOf: (item: BatchItem) => ModelPrice | undefined
  /** The run is being cancelled: cancelled items stay missing (a resume sends them) instead of queued. */
  cancelling: boolean
}

function emptyPlan(): CollectPlan {
  return { results: [], states: [], requeue: [], answered: new Set(), unanswered: new Set() }
}

const attemptOf = (job: StoredBatchJob, item: BatchItem): BatchAttempt => ({
  attempt: item.attempt,
  remoteId: job.remoteId,
  submittedAt: job.submittedAt,
  endedAt: job.endedAt,
})

/** Every pending item of an ended job becomes a result, an error result, a later job's item, or (cancel) missing. */
export function planCollection(
  input: CollectInput,
  outcomes: ReadonlyMap<string, BatchItemOutcome>,
): CollectPlan {
  const plan = emptyPlan()
  for (const item of input.items) {
    if (item.state !== 'pending') continue
    const base = input.baseOf(item)
    if (!base) {
      plan.states.push({ customId: item.customId, state: 'answered' })
      continue
    }
    const outcome = outcomes.get(item.customId) ?? missingOutcome(item.customId)
    settleItem(plan, input, item, base, outcome)
  }
  return plan
}

/** An item the output does not mention is not lost: it is treated as a server fault and sent again. */
function missingOutcome(customId: string): BatchItemOutcome {
  const message = 'the batch output had no result for this request'
  return { customId, ok: false, outcome: 'errored', errorKind: 'server', status: null, message }
}

function settleItem(
  plan: CollectPlan,
  input: CollectInput,
  item: BatchItem,
  base: ResultBase,
  outcome: BatchItemOutcome,
): void {
  const at = attemptOf(input.job, item)
  const hash = item.requestHash
  if (outcome.ok) {
    const result = batchAnswer(base, outcome.response, input.priceOf(item), at)
    const cacheEntries = hash ? [{ hash, response: toCached(outcome.response) }] : undefined
    plan.results.push(cacheEntries ? { result, cacheEntries } : { result })
    plan.states.push({ customId: item.customId, state: 'answered' })
    if (hash) plan.answered.add(hash)
    return
  }
  if (outcome.outcome === 'cancelled') return settleCancelled(plan, input, item, base)
  const kind = outcome.outcome === 'expired' ? 'timeout' : (outcome.errorKind ?? 'client')
  const state = outcome.outcome === 'expired' ? 'expired' : 'failed'
  if ((outcome.outcome === 'expired' || retryable.has(kind)) && item.attempt < maxBatchAttempts) {
    return requeue(plan, item, item.attempt + 1)
  }
  const message =
    outcome.outcome === 'expired'
      ? `expired in ${item.attempt} batch job${item.attempt === 1 ? '' : 's'}`
      : retryable.has(kind)
        ? `failed in ${item.attempt} batch jobs: ${outcome.message}`
        : outcome.message
  recordError(plan, item, batchError(base, kind, message, at), state)
}

/**
 * Cancelled by this run's cancel: missing, for a resume to send. Cancelled by someone else (the provider's
 * console): sent again like an expired item, at most maxBatchAttempts times, then recorded.
 */
function settleCancelled(plan: CollectPlan, input: CollectInput, item: BatchItem, base: ResultBase): void {
  if (input.cancelling) {
    plan.states.push({ customId: item.customId, state: 'cancelled' })
    if (item.requestHash) plan.unanswered.add(item.requestHash)
    return
  }
  if (item.attempt < maxBatchAttempts) return requeue(plan, item, item.attempt + 1)
  const message = `cancelled at the provider (not by Eval Lab) in ${item.attempt} batch jobs`
  recordError(plan, item, batchError(base, 'server', message, attemptOf(input.job, item)), 'cancelled')
}

function requeue(plan: CollectPlan, item: BatchItem, attempt: number): void {
  plan.states.push({ customId: item.customId, state: 'retried' })
  plan.requeue.push({ ...item, attempt, state: 'pending' })
}

function recordError(
  plan: CollectPlan,
  item: BatchItem,
  result: ItemOutcome['result'],
  state: BatchItemState,
): void {
  plan.results.push({ result })
  plan.states.push({ customId: item.customId, state })
  if (item.requestHash) plan.unanswered.add(item.requestHash)
}

/** A job the provider failed as a whole: its items go once more in a new job, then record its reason. */
export function planFailedJob(input: CollectInput): CollectPlan {
  const plan = emptyPlan()
  const reason = input.job.message ?? 'no reason given'
  for (const item of input.items) {
    if (item.state !== 'pending') continue
    const base = input.baseOf(item)
    if (!base) {
      plan.states.push({ customId: item.customId, state: 'answered' })
      continue
    }
    if (item.attempt < maxFailedJobAttempts) {
      requeue(plan, item, item.attempt + 1)
      continue
    }
    const message = `the provider failed the batch job: ${reason}`
    recordError(plan, item, batchError(base, 'client', message, attemptOf(input.job, item)), 'failed')
  }
  return plan
}
