import type { CallLimits } from './providers/types'
import type { ProviderSettings } from './providers/settings'

/**
 * Automatic call limits, learned per provider from its own answers in this process (every run and judge on
 * the provider shares what was seen):
 *
 *   idle limit    = clamp(5 × P95 of the longest silence of recent calls, 0.5 s, 120 s) else 30 s
 *   request limit = clamp(5 × P95 of recent call durations,              30 s, 600 s) else 600 s
 *
 * "Silence" is the longest time a successful call went without a byte from the server, counted from when the
 * request was sent (so the wait for response headers counts, and so do pauses mid-stream). "Recent" is the last
 * 200 successful calls, and a limit is learned from 8 of them on; before that the fallback applies. A provider
 * that answers in 300 ms has a hung call cut after a second or two instead of after a minute, while one whose
 * model thinks for 20 s before it streams is given more than that. Limits are looked up again while a call runs,
 * so the first calls of a run, sent before anything was learned, are cut by the learned limit too. The idle
 * floor is the smallest idle timeout Settings accepts: it applies only to a server whose calls were almost all
 * silent for under 100 ms, for which half a second of silence is already a five-fold outlier. A user's
 * value (Settings, or `--request-timeout` / `--idle-timeout` on the CLI) always wins over the automatic one.
 */
export const automaticLimits = {
  minObservations: 8,
  recent: 200,
  idle: { factor: 5, floorMs: 500, capMs: 120_000, fallbackMs: 30_000 },
  request: { factor: 5, floorMs: 30_000, capMs: 600_000, fallbackMs: 600_000 },
} as const

type Rule = (typeof automaticLimits)['idle' | 'request']

/** Sorting 200 values on every look-up would cost more than the call: the percentile is refreshed this often. */
const REFRESH_EVERY = 16

/** The last `size` values and their 95th percentile, refreshed every few additions. */
class RecentValues {
  private readonly values: Float64Array
  private count = 0
  private next = 0
  private p95: number | null = null
  private sinceRefresh = 0

  constructor(size: number) {
    this.values = new Float64Array(size)
  }

  add(value: number): void {
    this.values[this.next] = value
    this.next = (this.next + 1) % this.values.length
    this.count = Math.min(this.count + 1, this.values.length)
    // Early on every value matters; later a percentile a few calls old is as good.
    if (++this.sinceRefresh >= REFRESH_EVERY || this.count <= 2 * automaticLimits.minObservations)
      this.p95 = null
  }

  get size(): number {
    return this.count
  }

  percentile95(): number {
    if (this.p95 !== null) return this.p95
    this.sinceRefresh = 0
    const sorted = Array.from(this.values.subarray(0, this.count)).sort((a, b) => a - b)
    this.p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? 0
    return this.p95
  }
}

/** What one provider's successful calls looked like lately. */
export class LatencyBook {
  readonly silence = new RecentValues(automaticLimits.recent)
  readonly total = new RecentValues(automaticLimits.recent)

  observe(timing: { longestSilenceMs: number; totalMs: number }): void {
    this.silence.add(timing.longestSilenceMs)
    this.total.add(timing.totalMs)
  }

  limit(which: 'idle' | 'request'): number {
    return learned(which === 'idle' ? this.silence : this.total, automaticLimits[which])
  }
}

function learned(values: RecentValues, rule: Rule): number {
  if (values.size < automaticLimits.minObservations) return rule.fallbackMs
  return Math.min(rule.capMs, Math.max(rule.floorMs, Math.round(rule.factor * values.percentile95())))
}

const books = new Map<string, LatencyBook>()

/** One book per provider endpoint in this process: its name, kind and base URL. */
export function latencyBookFor(
  name: string,
  settings: Pick<ProviderSettings, 'kind' | 'baseUrl'>,
): LatencyBook {
  const key = `${name}\u0000${settings.kind}\u0000${settings.baseUrl ?? ''}`
  let book = books.get(key)
  if (!book) {
    book = new LatencyBook()
    books.set(key, book)
  }
  return book
}

/** Limits given for every provider of a run, e.g. the CLI's `--request-timeout` and `--idle-timeout`. */
export interface CallLimitOverrides {
  requestTimeoutMs?: number
  idleTimeoutMs?: number
}

/** The limits a provider's calls run under: the overrides, else the provider's settings, else learned ones. */
export function callLimitsFor(
  settings: Pick<ProviderSettings, 'requestTimeoutMs' | 'idleTimeoutMs'>,
  book: LatencyBook,
  overrides: CallLimitOverrides = {},
): CallLimits {
  const request = overrides.requestTimeoutMs ?? settings.requestTimeoutMs
  const idle = overrides.idleTimeoutMs ?? settings.idleTimeoutMs
  return {
    requestMs: () => request ?? book.limit('request'),
    idleMs: () => idle ?? book.limit('idle'),
    observe: (timing) => book.observe(timing),
  }
}
