import type { RunProgress } from '../../../../shared/domain/runs'

export interface ProgressDeps {
  now?: () => number
  /** At least this long between two events of one run: 100 ms keeps them at 10 a second or fewer. */
  minIntervalMs?: number
}

/**
 * Throttles one run's progress events. Every update replaces the pending one, and the latest is always
 * delivered (after the interval if needed), so the final status is never lost and never arrives early.
 */
export class ProgressThrottle {
  private last = Number.NEGATIVE_INFINITY
  private pending: RunProgress | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly now: () => number
  private readonly interval: number

  constructor(
    private readonly emit: (progress: RunProgress) => void,
    deps: ProgressDeps = {},
  ) {
    this.now = deps.now ?? Date.now
    this.interval = deps.minIntervalMs ?? 100
  }

  update(progress: RunProgress): void {
    this.pending = progress
    if (this.timer) return
    const wait = this.last + this.interval - this.now()
    if (wait <= 0) this.send()
    else this.timer = setTimeout(() => this.onTimer(), wait)
  }

  private onTimer(): void {
    this.timer = null
    // Timers may fire a little early; never let that break the spacing.
    const wait = this.last + this.interval - this.now()
    if (wait > 0) this.timer = setTimeout(() => this.onTimer(), wait)
    else this.send()
  }

  private send(): void {
    const progress = this.pending
    if (!progress) return
    this.pending = null
    this.last = this.now()
    this.emit(progress)
  }

  /** Drops a pending event (the core is closing, nobody listens any more). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending = null
  }
}

/** Calls per second over a sliding window, and the time left at that pace. */
export class RateMeter {
  private readonly stamps: number[] = []

  constructor(
    private readonly now: () => number = Date.now,
    private readonly windowMs = 5000,
  ) {}

  tick(count = 1): void {
    const t = this.now()
    for (let i = 0; i < count; i++) this.stamps.push(t)
  }

  perSecond(): number {
    const cutoff = this.now() - this.windowMs
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) < cutoff) this.stamps.shift()
    return this.stamps.length / (this.windowMs / 1000)
  }

  etaSeconds(remaining: number): number | null {
    const rate = this.perSecond()
    return remaining === 0 ? 0 : rate > 0 ? remaining / rate : null
  }
}
