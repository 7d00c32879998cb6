import pLimit from 'p-limit'
import type { LimitFunction } from 'p-limit'
import { ProviderError } from './providers/types'
import { abortableSleep } from './retry-policy'

export interface LimitSettings {
  concurrency: number
  requestsPerMinute?: number
}

export interface LimiterDeps {
  now?: () => number
  /** Must reject promptly when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>
}

export interface LaneStats {
  /** Tasks running now: sent to the provider and not yet settled. */
  inFlight: number
  /** Tasks holding a concurrency slot while they wait for their requests-per-minute slot. */
  waitingForRate: number
  /** Tasks waiting for a concurrency slot. */
  queued: number
}

export interface Limiter {
  configure(providerId: string, settings: LimitSettings): void
  /** Runs `task` within the provider's limits; rejects with a 'cancelled' ProviderError if `signal` aborts first. */
  schedule<T>(providerId: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  stats(): Record<string, LaneStats>
}

interface Lane {
  limit: LimitFunction
  intervalMs: number
  nextSlotAt: number
  waitingForRate: number
}

const cancelled = (): ProviderError => new ProviderError('cancelled', 'Cancelled before it was sent.')
const SKIPPED = Symbol('skipped')

type Clock = Required<LimiterDeps>

async function waitForRateSlot(lane: Lane, clock: Clock, signal: AbortSignal | undefined): Promise<void> {
  if (lane.intervalMs <= 0) return
  const t = clock.now()
  const slot = Math.max(t, lane.nextSlotAt)
  lane.nextSlotAt = slot + lane.intervalMs
  if (slot <= t) return
  lane.waitingForRate++
  try {
    await clock.sleep(slot - t, signal)
  } catch (error) {
    // Give the slot back when nobody booked after it, so cancelled work does not slow the rest.
    if (lane.nextSlotAt === slot + lane.intervalMs) lane.nextSlotAt = slot
    throw error
  } finally {
    lane.waitingForRate--
  }
}

function runInLane<T>(lane: Lane, clock: Clock, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(cancelled())
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      fn()
    }
    const onAbort = (): void => settle(() => reject(cancelled()))
    signal?.addEventListener('abort', onAbort, { once: true })
    const run = async (): Promise<T | typeof SKIPPED> => {
      if (settled) return SKIPPED // cancelled while queued: free the slot at once
      await waitForRateSlot(lane, clock, signal)
      return settled ? SKIPPED : task()
    }
    lane.limit(run).then(
      (value) => settle(() => (value === SKIPPED ? reject(cancelled()) : resolve(value))),
      (error: unknown) => {
        const reason = error instanceof Error ? error : new Error(String(error))
        settle(() => reject(signal?.aborted ? cancelled() : reason))
      },
    )
  })
}

/**
 * Per-provider concurrency (p-limit) plus an even spacing of requests: at N per minute a request starts at
 * most every 60000/N ms, so a run never bursts into a provider's rate limit and earns 429s.
 */
export function createLimiter(deps: LimiterDeps = {}): Limiter {
  const clock: Clock = { now: deps.now ?? Date.now, sleep: deps.sleep ?? abortableSleep }
  const lanes = new Map<string, Lane>()
  return {
    configure(providerId, settings) {
      const intervalMs = settings.requestsPerMinute ? 60_000 / settings.requestsPerMinute : 0
      const lane = lanes.get(providerId)
      if (!lane) {
        lanes.set(providerId, {
          limit: pLimit(settings.concurrency),
          intervalMs,
          nextSlotAt: 0,
          waitingForRate: 0,
        })
        return
      }
      lane.limit.concurrency = settings.concurrency
      lane.intervalMs = intervalMs
    },
    schedule(providerId, task, signal) {
      const lane = lanes.get(providerId)
      if (!lane) return Promise.reject(new Error(`No limits are configured for provider "${providerId}".`))
      return runInLane(lane, clock, task, signal)
    },
    stats() {
      const out: Record<string, LaneStats> = {}
      for (const [id, lane] of lanes) {
        const { activeCount, pendingCount } = lane.limit
        out[id] = {
          inFlight: activeCount - lane.waitingForRate,
          waitingForRate: lane.waitingForRate,
          queued: pendingCount,
        }
      }
      return out
    },
  }
}
