/**
 * How many calls a provider gets at once, adapted to its 429s: additive increase, multiplicative decrease
 * (AIMD) within [1, the configured concurrency].
 *
 * - Each answer that is not a 429 adds 1/window, so the window grows by about one per window of answers,
 *   up to the configured concurrency (where it starts).
 * - A 429 halves the window when 429s are more than 20 % of the last 100 answers (fewer than 50 answers count
 *   as 50), and at most once per round: a 429 to a call sent before the last cut says nothing new.
 *
 * The tolerance is deliberate. A server that refuses calls because of their rate answers a growing share of
 * 429s as the client speeds up, and the share falls back once it slows down: the window settles just under the
 * limit. A server that answers an occasional 429 whatever the load (an overloaded replica, a flaky gateway)
 * would otherwise drive the window to 1 (AIMD with 10 % random loss settles at about 4 of 16); those calls are
 * retried after their retry-after without holding a slot, and the run keeps its speed. The window of 100 keeps
 * chance out of it: with 10 % random 429s the share passes 20 % about once in 2,000 answers (with a window of
 * 50, five times). The price: a server limiting the rate without saying so (no rate-limit headers) is driven
 * at its limit with up to about a fifth of the requests answered 429. Rate-limit headers,
 * when a provider sends them, are used directly by the limiter (see limits.ts) and are exact.
 *
 * Below the configured concurrency calls are also paced at window ÷ smoothed latency per second: a refused
 * call comes back at once, and without pacing its freed slot would send the next one straight into the limit.
 */
export const aimd = {
  tolerance: 0.2,
  history: 100,
  minHistory: 50,
  decrease: 0.5,
  latencyGain: 0.125,
} as const

export class AdaptiveWindow {
  private size: number
  private readonly recent: boolean[] = []
  private refused = 0
  private lastCutAt = Number.NEGATIVE_INFINITY
  private smoothedLatency: number | null = null

  constructor(
    private ceiling: number,
    private readonly now: () => number,
  ) {
    this.size = ceiling
  }

  /** The window as a number (fractional while it grows back). */
  get window(): number {
    return this.size
  }

  /** Calls allowed in flight now. */
  get slots(): number {
    return Math.max(1, Math.ceil(this.size - 1e-9))
  }

  /** Milliseconds between two sends while the window is below the ceiling; 0 when no pacing applies. */
  get spacingMs(): number {
    if (this.size >= this.ceiling || this.smoothedLatency === null) return 0
    return this.smoothedLatency / this.size
  }

  /** A new configured concurrency: an untouched window follows it, a reduced one stays (but never above it). */
  setCeiling(ceiling: number): void {
    if (this.size >= this.ceiling) this.size = ceiling
    this.ceiling = ceiling
    this.size = Math.min(this.size, ceiling)
  }

  /** An answer that was not a 429 (errors other than 429 say nothing about the rate). */
  onAnswer(latencyMs?: number): void {
    this.remember(false)
    if (latencyMs !== undefined) {
      const s = this.smoothedLatency
      this.smoothedLatency = s === null ? latencyMs : s + aimd.latencyGain * (latencyMs - s)
    }
    if (this.size < this.ceiling) this.size = Math.min(this.ceiling, this.size + 1 / this.size)
  }

  /** A 429 to a call sent at `sentAt`; returns true when it cut the window. */
  onRefused(sentAt: number): boolean {
    this.remember(true)
    if (sentAt < this.lastCutAt || this.share() <= aimd.tolerance) return false
    this.size = Math.max(1, this.size * aimd.decrease)
    this.lastCutAt = this.now()
    return true
  }

  /** The share of 429s among the last answers. */
  share(): number {
    return this.refused / Math.max(this.recent.length, aimd.minHistory)
  }

  private remember(refused: boolean): void {
    this.recent.push(refused)
    if (refused) this.refused++
    if (this.recent.length > aimd.history && this.recent.shift()) this.refused--
  }
}
