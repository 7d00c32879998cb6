/**
 * The runner benchmark's rows against a misbehaving provider: random 429s, hung requests and a server-side
 * requests-per-minute limit. Each is judged against a clean row of the same latency and concurrency (or
 * against the limit), as issue 15 asks: 429s cost ≤ 1.2 × the clean wall time, hangs ≤ 1.5 ×, and a 600
 * requests-a-minute server is driven at ≥ 90 % of its limit with ≤ 5 % of requests answered 429.
 */
import type { RowMeasure } from './runner'

export interface FaultRowSpec {
  name: string
  latencyMs: number
  concurrency: number
  /** Calls = cases × 2 prompt versions × 2 models. */
  cases: number
  mock: Record<string, unknown>
  /** The clean row (latency, concurrency) whose wall time this row is held to, and the factor allowed. */
  versus?: { latencyMs: number; concurrency: number; maxFactor: number }
  /** The server's limit this row must drive at ≥ 90 % with ≤ 5 % 429s. */
  limitPerMinute?: number
}

export const faultRows: readonly FaultRowSpec[] = [
  {
    name: '10 % random 429s (retry-after 1 s)',
    latencyMs: 200,
    concurrency: 16,
    cases: 500,
    mock: { rate429: 0.1, retryAfterSeconds: 1 },
    versus: { latencyMs: 200, concurrency: 16, maxFactor: 1.2 },
  },
  {
    name: '2 % hung requests (no byte, automatic idle timeout)',
    latencyMs: 50,
    concurrency: 16,
    cases: 500,
    mock: { rateHang: 0.02 },
    versus: { latencyMs: 50, concurrency: 16, maxFactor: 1.5 },
  },
  {
    name: 'server limited to 600 requests a minute (rate-limit headers)',
    latencyMs: 200,
    concurrency: 16,
    cases: 75,
    mock: { requestsPerMinute: 600 },
    limitPerMinute: 600,
  },
  {
    name: 'server limited to 600 requests a minute (bare 429 + retry-after)',
    latencyMs: 200,
    concurrency: 16,
    cases: 75,
    mock: { requestsPerMinute: 600, rateLimitHeaders: false },
    limitPerMinute: 600,
  },
]

export interface FaultBenchRow {
  name: string
  latency_ms: number
  concurrency: number
  calls: number
  wall_s: number
  /** Requests the server saw (attempts), and how many it answered 429 or left hanging. */
  requests: number
  answered_429: number
  share_429: number
  hung: number
  errors: number
  average_in_flight: number
  clean_wall_s?: number
  wall_factor?: number
  ok_per_s?: number
  share_of_limit?: number
  targets_met: { wall?: boolean; throughput?: boolean; share_429?: boolean; results: boolean }
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits))

export function toFaultRow(spec: FaultRowSpec, m: RowMeasure, cleanWallMs?: number): FaultBenchRow {
  const wallS = m.wallMs / 1000
  const share429 = m.mockTotal > 0 ? m.mock429 / m.mockTotal : 0
  const row: FaultBenchRow = {
    name: spec.name,
    latency_ms: spec.latencyMs,
    concurrency: spec.concurrency,
    calls: m.calls,
    wall_s: round(wallS, 3),
    requests: m.mockTotal,
    answered_429: m.mock429,
    share_429: round(share429, 4),
    hung: m.mockFaults['hang'] ?? 0,
    errors: m.errors,
    average_in_flight: round(m.mockAverageInFlight, 2),
    targets_met: { results: m.results === m.calls && m.status === 'completed' },
  }
  if (spec.versus && cleanWallMs !== undefined) {
    row.clean_wall_s = round(cleanWallMs / 1000, 3)
    row.wall_factor = round(m.wallMs / cleanWallMs, 3)
    row.targets_met.wall = m.wallMs <= spec.versus.maxFactor * cleanWallMs
  }
  if (spec.limitPerMinute) {
    const okPerS = m.mockOk / wallS
    row.ok_per_s = round(okPerS, 2)
    row.share_of_limit = round(okPerS / (spec.limitPerMinute / 60), 3)
    row.targets_met.throughput = row.share_of_limit >= 0.9
    row.targets_met.share_429 = share429 <= 0.05
  }
  return row
}

export function describeFaultRow(row: FaultBenchRow): string {
  const parts = [
    `${row.name}: ${row.calls} calls in ${row.wall_s} s`,
    `${row.requests} requests, ${row.answered_429} answered 429 (${(row.share_429 * 100).toFixed(1)} %)`,
    `${row.hung} hung, ${row.errors} errors, ${row.average_in_flight} in flight on average`,
  ]
  if (row.wall_factor !== undefined) parts.push(`${row.wall_factor} × the clean row's ${row.clean_wall_s} s`)
  if (row.share_of_limit !== undefined) {
    parts.push(`${row.ok_per_s} answers/s = ${(row.share_of_limit * 100).toFixed(1)} % of the limit`)
  }
  const verdicts = Object.entries(row.targets_met).map(([k, v]) => `${k} ${v ? 'PASS' : 'FAIL'}`)
  return `${parts.join(', ')} — ${verdicts.join(', ')}`
}
