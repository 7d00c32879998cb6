import type { ProviderErrorKind } from './providers/types'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  /** 'full' draws each wait uniformly from [0, backoff] so retries from many cases do not line up. */
  jitter: 'full' | 'none'
  /** Per-attempt timeout; replaces the request's own. */
  timeoutMs?: number
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  jitter: 'full',
}

const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['rate_limited', 'server', 'timeout', 'network'])

export const isRetryable = (kind: ProviderErrorKind): boolean => RETRYABLE.has(kind)

/** Exponential backoff after failed attempt `attempt` (1-based), capped, with optional full jitter. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return policy.jitter === 'full' ? Math.floor(random() * cap) : cap
}

/** 429s wait at least what the server asked for: sending earlier only earns another 429. */
export function waitBeforeRetry(
  policy: RetryPolicy,
  attempt: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  return Math.max(retryAfterMs ?? 0, backoffMs(policy, attempt, random))
}

/** Resolves after `ms`, or rejects at once when the signal aborts (also if it already had). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'))
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(new Error('aborted'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
