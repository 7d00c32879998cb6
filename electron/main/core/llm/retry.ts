import type { Slot, SlotFeedback, SlotSource } from './limits'
import { ProviderError } from './providers/types'
import type { ChatRequest, ChatResponse, Provider, ProviderErrorKind } from './providers/types'
import { abortableSleep, defaultRetryPolicy, isRetryable, waitBeforeRetry } from './retry-policy'
import type { RetryPolicy } from './retry-policy'

export { defaultRetryPolicy } from './retry-policy'
export type { RetryPolicy } from './retry-policy'

/** One attempt as stored with the result row. */
export interface AttemptRecord {
  attempt: number
  /** Epoch milliseconds from the injected clock: when the attempt had its slot and went out. */
  startedAt: number
  endedAt: number
  /** How long the attempt waited for a slot (concurrency, pacing, a rate-limit hold) before startedAt. */
  queuedMs?: number
  outcome: 'ok' | ProviderErrorKind
  status?: number
  retryAfterMs?: number
  /** How long the loop waited after this attempt before the next one. */
  waitMs?: number
  message?: string
}

export interface RetryHooks {
  onAttempt?: (record: AttemptRecord) => void
}

export interface RetryDeps {
  now?: () => number
  /** Must reject promptly when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
  random?: () => number
  /**
   * The provider's slots: each attempt takes one and gives it back when it ends, so a retry waiting for its
   * retry-after holds none. Without it attempts go out at once.
   */
  slots?: SlotSource
  /** Stops waiting for a slot (a pause): the call ends 'cancelled' and is made again on resume. */
  stopWaiting?: AbortSignal
  /** A slot the caller already holds for the first attempt. */
  firstSlot?: Slot
}

export interface CallError {
  kind: ProviderErrorKind
  message: string
  status?: number
}

export type CallOutcome =
  | { ok: true; response: ChatResponse; attempts: AttemptRecord[] }
  | { ok: false; error: CallError; attempts: AttemptRecord[] }

/** Anything else a provider throws is a bug, not a transient fault: it is recorded, not retried. */
function asProviderError(error: unknown): ProviderError {
  if (error instanceof ProviderError) return error
  return new ProviderError('client', error instanceof Error ? error.message : String(error))
}

function failureRecord(base: AttemptRecord, error: ProviderError): AttemptRecord {
  return {
    ...base,
    outcome: error.kind,
    message: error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
  }
}

const errorOf = (e: ProviderError): CallError =>
  e.status === undefined
    ? { kind: e.kind, message: e.message }
    : { kind: e.kind, message: e.message, status: e.status }

const cancelledError: CallError = { kind: 'cancelled', message: 'The call was cancelled.' }

type AttemptResult =
  { response: ChatResponse; record: AttemptRecord } | { error: ProviderError; record: AttemptRecord }

interface AttemptContext {
  policy: RetryPolicy
  now: () => number
  random: () => number
}

/** What the provider's limits learn from an attempt: its latency, a 429, the announced request budget. */
function feedbackOf(result: AttemptResult): SlotFeedback {
  if ('response' in result) {
    const { totalMs, rateLimit } = result.response
    return { kind: 'answered', latencyMs: totalMs, ...(rateLimit ? { rateLimit } : {}) }
  }
  const { kind, retryAfterMs, rateLimit } = result.error
  if (kind === 'rate_limited') {
    return {
      kind: 'refused',
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(rateLimit ? { rateLimit } : {}),
    }
  }
  // Other answers (a 500, a 400) still came from the server: only 429s say the rate was too high.
  return kind === 'server' || kind === 'client' ? { kind: 'answered' } : { kind: 'none' }
}

/** One attempt: the provider's answer, or the failure record and how long to wait before the next one. */
async function attemptOnce(
  provider: Provider,
  request: ChatRequest,
  attempt: number,
  ctx: AttemptContext,
): Promise<AttemptResult> {
  const startedAt = ctx.now()
  try {
    const response = await provider.chat(request)
    return { response, record: { attempt, startedAt, endedAt: ctx.now(), outcome: 'ok' } }
  } catch (thrown) {
    const error = asProviderError(thrown)
    const final =
      attempt >= ctx.policy.maxAttempts || !isRetryable(error.kind) || request.signal?.aborted === true
    const base: AttemptRecord = { attempt, startedAt, endedAt: ctx.now(), outcome: error.kind }
    if (!final) base.waitMs = waitBeforeRetry(ctx.policy, attempt, error.retryAfterMs, ctx.random)
    return { error, record: failureRecord(base, error) }
  }
}

/** Takes a slot (when there are slots), makes the attempt, gives the slot back with what was learned. */
async function attemptInSlot(
  provider: Provider,
  request: ChatRequest,
  attempt: number,
  ctx: AttemptContext,
  deps: RetryDeps,
): Promise<AttemptResult | null> {
  let slot = attempt === 1 ? deps.firstSlot : undefined
  if (!slot && deps.slots) {
    try {
      const signal = deps.stopWaiting ?? request.signal
      slot = await deps.slots.acquire({ retry: attempt > 1, ...(signal ? { signal } : {}) })
    } catch {
      return null
    }
  }
  const result = await attemptOnce(provider, request, attempt, ctx)
  slot?.release(feedbackOf(result))
  if (slot && slot.queuedMs > 0) result.record.queuedMs = Math.round(slot.queuedMs)
  return result
}

/**
 * The app's retry loop (SDK retries are off). Never throws for provider failures: a case that still
 * fails ends as `{ ok: false }` with every attempt recorded, so no result row goes missing.
 */
export async function callWithRetry(
  provider: Provider,
  request: ChatRequest,
  policy: Partial<RetryPolicy> = {},
  hooks: RetryHooks = {},
  deps: RetryDeps = {},
): Promise<CallOutcome> {
  const ctx = {
    policy: { ...defaultRetryPolicy, ...policy },
    now: deps.now ?? Date.now,
    random: deps.random ?? Math.random,
  }
  const sleep = deps.sleep ?? abortableSleep
  const attempts: AttemptRecord[] = []
  const req = policy.timeoutMs === undefined ? request : { ...request, timeoutMs: policy.timeoutMs }
  for (let attempt = 1; ; attempt++) {
    if (req.signal?.aborted) {
      deps.firstSlot?.release({ kind: 'none' })
      return { ok: false, error: cancelledError, attempts }
    }
    const result = await attemptInSlot(provider, req, attempt, ctx, deps)
    if (!result) return { ok: false, error: cancelledError, attempts }
    attempts.push(result.record)
    hooks.onAttempt?.(result.record)
    if ('response' in result) return { ok: true, response: result.response, attempts }
    const { waitMs } = result.record
    if (waitMs === undefined) {
      return { ok: false, error: req.signal?.aborted ? cancelledError : errorOf(result.error), attempts }
    }
    try {
      await sleep(waitMs, req.signal)
    } catch {
      return { ok: false, error: cancelledError, attempts }
    }
  }
}
