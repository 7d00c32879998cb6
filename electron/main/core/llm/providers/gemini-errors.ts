import { ApiError } from '@google/genai'
import { z } from 'zod'
import {
  abortedStreamError,
  kindForStatus,
  parseRetryAfter,
  redact,
  toProviderError,
  type MapContext,
} from './errors'
import { parseRateLimit } from './rate-limit-headers'
import { ProviderError, type ProviderErrorKind } from './types'

/**
 * Google's error body, `{ error: { code, message, status, details } }`. The SDK's ApiError carries only the
 * status and the body as JSON text (its message), no headers: the retry delay comes from the body's RetryInfo
 * detail, else from the `retry-after` header the adapter's fetch kept.
 */
const googleErrorSchema = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.looseObject({ '@type': z.string().optional() })).optional(),
  }),
})
type GoogleError = z.infer<typeof googleErrorSchema>['error']

const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo'
/** A protobuf Duration in JSON: seconds with up to nine decimals and an `s` ("37s", "0.500s"). */
const DURATION = /^(\d+(?:\.\d+)?)s$/

/** The error object inside an ApiError's message (the whole message, or after "got status: X. " in a stream). */
export function googleErrorOf(message: string): GoogleError | undefined {
  const start = message.indexOf('{')
  if (start < 0) return undefined
  try {
    const parsed = googleErrorSchema.safeParse(JSON.parse(message.slice(start)))
    return parsed.success ? parsed.data.error : undefined
  } catch {
    return undefined
  }
}

/** The delay a RetryInfo detail asks for, in ms. */
export function retryInfoMs(error: GoogleError | undefined): number | undefined {
  const info = error?.details?.find((d) => d['@type'] === RETRY_INFO)
  const delay = info?.['retryDelay']
  const match = typeof delay === 'string' ? DURATION.exec(delay.trim()) : null
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined
}

/** Google API keys (AIza…, 39 characters) besides the shapes every adapter hides. */
const GOOGLE_KEY = /\bAIza[0-9A-Za-z_-]{35}\b/g
const redactGoogle = (message: string, apiKey: string | undefined): string =>
  redact(message, apiKey).replace(GOOGLE_KEY, '[redacted]')

/** Google answers an unknown key with 400 INVALID_ARGUMENT and the reason API_KEY_INVALID: a key problem. */
function kindOf(status: number, error: GoogleError | undefined): ProviderErrorKind {
  const reasons = (error?.details ?? []).map((d) => d['reason'])
  return reasons.includes('API_KEY_INVALID') ? 'auth' : kindForStatus(status)
}

function apiErrorOf(
  error: ApiError,
  headers: Headers | undefined,
  apiKey: string | undefined,
): ProviderError {
  const google = googleErrorOf(error.message)
  const words = google?.message ?? error.message
  const label = google?.status ? `${error.status} ${google.status}` : String(error.status)
  const retryAfterMs = retryInfoMs(google) ?? parseRetryAfter(headers)
  const rateLimit = parseRateLimit(headers)
  return new ProviderError(kindOf(error.status, google), redactGoogle(`Gemini ${label}: ${words}`, apiKey), {
    status: error.status,
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  })
}

/** Messages the SDK's stream reader throws on a body that is not the SSE it expects: a server fault. */
const MALFORMED = /^(exception parsing stream chunk|Incomplete JSON segment)/

/** No class of the Stainless SDKs' kind exists in @google/genai; these never match. */
class Never extends Error {}
const noClasses = {
  APIError: ApiError,
  APIUserAbortError: Never,
  APIConnectionTimeoutError: Never,
  APIConnectionError: Never,
}

export interface GeminiErrorContext extends Omit<MapContext, 'classes'> {
  /** The caller's signal (or the call's own, cut by the watchdog); an abort is a cancel or a timeout. */
  signal: AbortSignal
  /** The headers of the last response the call got (for retry-after and rate-limit headers). */
  headers: Headers | undefined
}

/** Whatever a Gemini call threw as the one ProviderError the retry loop understands. */
export function geminiProviderError(error: unknown, ctx: GeminiErrorContext): ProviderError {
  const mapContext: MapContext = { ...ctx, classes: noClasses }
  // First: a call cut by the watchdog or cancelled fails for that reason, whatever the SDK made of the abort.
  if (ctx.cut || ctx.signal.aborted) return abortedStreamError(mapContext)
  if (error instanceof ProviderError) return error
  if (error instanceof ApiError) return apiErrorOf(error, ctx.headers, ctx.apiKey)
  const message = redactGoogle(error instanceof Error ? error.message : String(error), ctx.apiKey)
  if (MALFORMED.test(message)) return new ProviderError('server', `Malformed response: ${message}`)
  return toProviderError(error, mapContext)
}
