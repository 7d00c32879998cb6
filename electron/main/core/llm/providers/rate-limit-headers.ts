/**
 * What a provider says about its request budget on every answer, success or 429: OpenAI (and the gateways that
 * copy it: Azure, LiteLLM, OpenRouter, vLLM behind a proxy) send `x-ratelimit-*-requests`, Anthropic
 * `anthropic-ratelimit-requests-*`. The limiter paces a provider at the limit it announces and holds new calls
 * while the announced budget is spent, so a run drives a rate-limited server at its limit without earning 429s.
 */
export interface RateLimitInfo {
  /** Requests allowed per window; both APIs document the request limit per minute. */
  requestsLimit?: number
  /** Requests left in the current window. */
  requestsRemaining?: number
  /** Milliseconds until the budget is back (OpenAI: a duration; Anthropic: a point in time). */
  requestsResetMs?: number
}

const UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 0.001,
  µs: 0.001,
  ns: 1e-6,
}
const DURATION = /^(?:\d+(?:\.\d+)?(?:h|ms|m|s|us|µs|ns))+$/
const PART = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/g

/** A Go-style duration as OpenAI sends it ("1s", "6m0s", "120ms", "1m30.5s"); undefined when it is not one. */
export function parseDurationMs(value: string): number | undefined {
  const text = value.trim()
  if (!DURATION.test(text)) return undefined
  let ms = 0
  for (const [, amount, unit] of text.matchAll(PART)) ms += Number(amount) * (UNIT_MS[unit ?? ''] ?? 0)
  return ms
}

function count(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name)?.trim()
  if (!raw) return undefined
  const value = Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : undefined
}

function resetMs(headers: Headers, now: number): number | undefined {
  const openai = headers.get('x-ratelimit-reset-requests')
  if (openai) return parseDurationMs(openai)
  const anthropic = headers.get('anthropic-ratelimit-requests-reset')
  if (!anthropic) return undefined
  const at = Date.parse(anthropic)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

/** The request budget a response announces; undefined when it announces none (most local servers). */
export function parseRateLimit(
  headers: Headers | undefined,
  now: number = Date.now(),
): RateLimitInfo | undefined {
  if (!headers) return undefined
  const limit =
    count(headers, 'x-ratelimit-limit-requests') ?? count(headers, 'anthropic-ratelimit-requests-limit')
  const remaining =
    count(headers, 'x-ratelimit-remaining-requests') ??
    count(headers, 'anthropic-ratelimit-requests-remaining')
  const reset = resetMs(headers, now)
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined
  return {
    ...(limit !== undefined && limit > 0 ? { requestsLimit: limit } : {}),
    ...(remaining !== undefined ? { requestsRemaining: remaining } : {}),
    ...(reset !== undefined ? { requestsResetMs: reset } : {}),
  }
}
