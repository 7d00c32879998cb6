import { ProviderError } from './providers/types'
import type { ChatRequest, ChatResponse, Provider, ProviderErrorKind } from './providers/types'
import { abortableSleep, defaultRetryPolicy, isRetryable, waitBeforeRetry } from './retry-policy'
import type { RetryPolicy } from './retry-policy'

export { defaultRetryPolicy } from './retry-policy'
export type { RetryPolicy } from './retry-policy'

/** One attempt as stored with the result row. */
export interface AttemptRecord {
  attempt: number
  /** Epoch milliseconds from the injected clock. */
  startedAt: number
  endedAt: number
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

/** One attempt: the provider's answer, or the failure record and how long to wait before the next one. */
async function attemptOnce(
  provider: Provider,
  request: ChatRequest,
  attempt: number,
  ctx: { policy: RetryPolicy; now: () => number; random: () => number },
): Promise<
  { response: ChatResponse; record: AttemptRecord } | { error: ProviderError; record: AttemptRecord }
> {
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
    if (req.signal?.aborted) return { ok: false, error: cancelledError, attempts }
    const result = await attemptOnce(provider, req, attempt, ctx)
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
