import { AdaptiveWindow } from './adaptive-window'
import type { RateLimitInfo } from './providers/rate-limit-headers'
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
  /** Slots in use: calls sent to the provider and not yet settled. */
  inFlight: number
  /** Slots taken by calls that wait for their turn at the provider's rate (pacing or a rate-limit hold). */
  waitingForRate: number
  /** Calls waiting for a slot. */
  queued: number
  /** Calls allowed at once now: the configured concurrency, less what 429s took away (see adaptive-window.ts). */
  window: number
}

/** How an attempt ended, as far as the provider's limits are concerned. */
export type SlotFeedback =
  | { kind: 'answered'; latencyMs?: number; rateLimit?: RateLimitInfo }
  | { kind: 'refused'; retryAfterMs?: number; rateLimit?: RateLimitInfo }
  | { kind: 'none' }

/** Permission to send one attempt now. Released once, with how the attempt ended. */
export interface Slot {
  /** Milliseconds this attempt waited for its slot: concurrency, pacing and rate-limit holds. */
  readonly queuedMs: number
  release(feedback: SlotFeedback): void
}

export interface SlotSource {
  /** Retries go before fresh calls. Rejects with a 'cancelled' ProviderError when `signal` aborts first. */
  acquire(options?: { retry?: boolean; signal?: AbortSignal }): Promise<Slot>
}

export interface Limiter {
  configure(providerId: string, settings: LimitSettings): void
  /** Where one provider's attempts take their slots (throws for a provider that was never configured). */
  lane(providerId: string): SlotSource
  /** Runs `task` in one slot of the provider; rejects with a 'cancelled' ProviderError if `signal` aborts first. */
  schedule<T>(providerId: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  stats(): Record<string, LaneStats>
}

/** A rate-limit hold longer than this is not trusted (an hourly or daily budget): the retry loop waits instead. */
const MAX_HOLD_MS = 60_000

const cancelled = (): ProviderError => new ProviderError('cancelled', 'Cancelled before it was sent.')

interface Waiter {
  enqueuedAt: number
  resolve: (slot: Slot) => void
  reject: (error: Error) => void
  signal: AbortSignal | undefined
  onAbort: (() => void) | undefined
  /** Taken from the queue or cancelled: skipped when the queue reaches it. */
  done: boolean
}

/** First in, first out; cancelled waiters are skipped lazily so a pause of thousands of calls stays cheap. */
class WaitQueue {
  private items: (Waiter | undefined)[] = []
  private head = 0
  pending = 0

  push(waiter: Waiter): void {
    this.items.push(waiter)
    this.pending++
  }

  shift(): Waiter | undefined {
    while (this.head < this.items.length) {
      const waiter = this.items[this.head]
      this.items[this.head++] = undefined
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head)
        this.head = 0
      }
      if (waiter && !waiter.done) {
        this.pending--
        return waiter
      }
    }
    return undefined
  }
}

type Clock = Required<LimiterDeps>

/**
 * One provider's slots. Calls wait in two queues (retries first), take a slot when the adaptive window has
 * room, and are spaced when a rate applies: the configured requests per minute, the limit the provider
 * announces in its rate-limit headers, or the adaptive window's pacing. A slot is held for one attempt only,
 * never while a retry waits for its retry-after.
 */
class ProviderLane implements SlotSource {
  readonly window: AdaptiveWindow
  waitingForRate = 0
  active = 0
  private configuredSpacingMs = 0
  private announcedSpacingMs = 0
  private nextSendAt = 0
  private holdUntil = 0
  private readonly retries = new WaitQueue()
  private readonly fresh = new WaitQueue()

  constructor(
    settings: LimitSettings,
    private readonly clock: Clock,
  ) {
    this.window = new AdaptiveWindow(settings.concurrency, clock.now)
    this.configure(settings)
  }

  get queued(): number {
    return this.retries.pending + this.fresh.pending
  }

  configure(settings: LimitSettings): void {
    this.window.setCeiling(settings.concurrency)
    this.configuredSpacingMs = settings.requestsPerMinute ? 60_000 / settings.requestsPerMinute : 0
    this.pump()
  }

  acquire(options: { retry?: boolean; signal?: AbortSignal } = {}): Promise<Slot> {
    const { signal } = options
    if (signal?.aborted) return Promise.reject(cancelled())
    return new Promise<Slot>((resolve, reject) => {
      const waiter: Waiter = {
        enqueuedAt: this.clock.now(),
        resolve,
        reject,
        signal,
        onAbort: undefined,
        done: false,
      }
      if (signal) {
        waiter.onAbort = () => {
          if (waiter.done) return
          waiter.done = true
          if (options.retry) this.retries.pending--
          else this.fresh.pending--
          reject(cancelled())
        }
        signal.addEventListener('abort', waiter.onAbort, { once: true })
      }
      ;(options.retry ? this.retries : this.fresh).push(waiter)
      this.pump()
    })
  }

  private pump(): void {
    while (this.active < this.window.slots) {
      const waiter = this.retries.shift() ?? this.fresh.shift()
      if (!waiter) return
      waiter.done = true
      this.active++
      void this.admit(waiter)
    }
  }

  private async admit(waiter: Waiter): Promise<void> {
    const reservation = this.reserveSendTime()
    if (reservation.waitMs > 0) {
      this.waitingForRate++
      try {
        await this.clock.sleep(reservation.waitMs, waiter.signal)
      } catch {
        // Give the turn back when nobody booked after it, so cancelled work does not slow the rest.
        if (this.nextSendAt === reservation.nextAfter) this.nextSendAt = reservation.at
        this.active--
        this.pump()
        return waiter.reject(cancelled())
      } finally {
        this.waitingForRate--
      }
    }
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort)
    const grantedAt = this.clock.now()
    waiter.resolve(this.slot(grantedAt, grantedAt - waiter.enqueuedAt))
  }

  private reserveSendTime(): { waitMs: number; at: number; nextAfter: number } {
    const t = this.clock.now()
    const spacing = Math.max(this.configuredSpacingMs, this.announcedSpacingMs, this.window.spacingMs)
    if (spacing <= 0 && this.holdUntil <= t) return { waitMs: 0, at: t, nextAfter: t }
    const at = Math.max(t, this.nextSendAt, this.holdUntil)
    this.nextSendAt = at + spacing
    return { waitMs: at - t, at, nextAfter: this.nextSendAt }
  }

  private slot(grantedAt: number, queuedMs: number): Slot {
    let released = false
    return {
      queuedMs,
      release: (feedback) => {
        if (released) return
        released = true
        this.active--
        this.learn(feedback, grantedAt)
        this.pump()
      },
    }
  }

  private learn(feedback: SlotFeedback, sentAt: number): void {
    if (feedback.kind === 'none') return
    if (feedback.rateLimit) this.learnBudget(feedback.rateLimit)
    if (feedback.kind === 'answered') return this.window.onAnswer(feedback.latencyMs)
    // A 429 that cut the window is a rate limit: nobody sends before the time the server asked for.
    if (this.window.onRefused(sentAt) && feedback.retryAfterMs !== undefined) this.hold(feedback.retryAfterMs)
  }

  /** Paces at the announced limit and holds new calls while the announced budget is spent. */
  private learnBudget(info: RateLimitInfo): void {
    if (info.requestsLimit) this.announcedSpacingMs = 60_000 / info.requestsLimit
    if (info.requestsRemaining === 0 && info.requestsResetMs !== undefined) this.hold(info.requestsResetMs)
  }

  private hold(ms: number): void {
    if (ms > MAX_HOLD_MS) return
    this.holdUntil = Math.max(this.holdUntil, this.clock.now() + ms)
  }
}

/** Per-provider slots for one run (or one scoring pass); see ProviderLane. */
export function createLimiter(deps: LimiterDeps = {}): Limiter {
  const clock: Clock = { now: deps.now ?? Date.now, sleep: deps.sleep ?? abortableSleep }
  const lanes = new Map<string, ProviderLane>()
  const laneOf = (providerId: string): ProviderLane => {
    const lane = lanes.get(providerId)
    if (!lane) throw new Error(`No limits are configured for provider "${providerId}".`)
    return lane
  }
  return {
    configure(providerId, settings) {
      const lane = lanes.get(providerId)
      if (lane) lane.configure(settings)
      else lanes.set(providerId, new ProviderLane(settings, clock))
    },
    lane: laneOf,
    async schedule(providerId, task, signal) {
      const slot = await laneOf(providerId).acquire(signal ? { signal } : {})
      try {
        return await task()
      } finally {
        slot.release({ kind: 'none' })
      }
    },
    stats() {
      const out: Record<string, LaneStats> = {}
      for (const [id, lane] of lanes) {
        out[id] = {
          inFlight: lane.active - lane.waitingForRate,
          waitingForRate: lane.waitingForRate,
          queued: lane.queued,
          window: Math.round(lane.window.window * 100) / 100,
        }
      }
      return out
    },
  }
}
