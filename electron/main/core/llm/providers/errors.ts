import { parseRateLimit } from './rate-limit-headers'
import { ProviderError } from './types'
import type { ProviderErrorKind } from './types'

/** The parts of an SDK APIError (OpenAI and Anthropic share the Stainless shape) that decide its kind. */
export interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => Error & { status?: number; headers?: Headers | undefined }
  APIUserAbortError: abstract new (...args: never[]) => Error
  APIConnectionTimeoutError: abstract new (...args: never[]) => Error
  APIConnectionError: abstract new (...args: never[]) => Error
}

/** `retry-after-ms` (what the SDKs prefer) first, then `retry-after` as seconds or an HTTP date. */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | undefined {
  if (!headers) return undefined
  const ms = headers.get('retry-after-ms')
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms)
  const value = headers.get('retry-after')?.trim()
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.ceil(seconds * 1000) : undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 429) return 'rate_limited'
  if (status === 401 || status === 403) return 'auth'
  if (status === 408) return 'timeout'
  if (status >= 500) return 'server'
  return 'client'
}

const KEY_LIKE = /\b(sk|key|anthropic|sess)-[A-Za-z0-9_-]{8,}/g

/** Servers echo keys in error bodies (OpenAI's 401 does, partly); none may reach a log or result row. */
export function redact(message: string, apiKey: string | undefined): string {
  const withoutKey = apiKey && apiKey.length >= 4 ? message.split(apiKey).join('[redacted]') : message
  return withoutKey.replace(KEY_LIKE, '[redacted]')
}

export interface MapContext {
  classes: SdkErrorClasses
  apiKey?: string
  /** Our own watchdog cut the call (the SDK reports that as a user abort), and at what limit. */
  cut: { kind: 'idle' | 'request'; limitMs: number } | null
  /** The whole-call limit the SDK's own timer was given, for its timeout error. */
  timeoutMs: number
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`

/**
 * A stream the SDK ended early because its signal aborted. Both SDKs end the iteration quietly on an abort
 * ("the user called controller.abort()"), so without this check a stream cut mid-way by the watchdog or a
 * cancel would come back as a shorter, successful answer.
 */
export function abortedStreamError(ctx: MapContext): ProviderError {
  return ctx.cut ? timeoutError(ctx) : new ProviderError('cancelled', 'The call was cancelled.')
}

function timeoutError(ctx: MapContext): ProviderError {
  if (ctx.cut?.kind === 'idle') {
    return new ProviderError(
      'timeout',
      `No bytes from the server for ${seconds(ctx.cut.limitMs)} (idle timeout).`,
    )
  }
  const limit = ctx.cut?.limitMs ?? ctx.timeoutMs
  return new ProviderError('timeout', `No complete answer within ${seconds(limit)} (request timeout).`)
}

/** Turns whatever an SDK call threw into the one ProviderError the retry loop understands. */
export function toProviderError(error: unknown, ctx: MapContext): ProviderError {
  if (error instanceof ProviderError) return error
  const { classes } = ctx
  const message = redact(error instanceof Error ? error.message : String(error), ctx.apiKey)
  if (ctx.cut || error instanceof classes.APIConnectionTimeoutError) return timeoutError(ctx)
  if (error instanceof classes.APIUserAbortError)
    return new ProviderError('cancelled', 'The call was cancelled.')
  if (error instanceof classes.APIConnectionError) return new ProviderError('network', message)
  if (error instanceof classes.APIError) {
    // A status-less APIError is an error event inside a stream that had already started: a server fault.
    if (error.status === undefined) return new ProviderError('server', message)
    const retryAfterMs = parseRetryAfter(error.headers)
    const rateLimit = parseRateLimit(error.headers)
    return new ProviderError(kindForStatus(error.status), message, {
      status: error.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      ...(rateLimit ? { rateLimit } : {}),
    })
  }
  // Unparseable bodies or SSE lines: the server answered garbage, which a retry may well fix.
  if (error instanceof SyntaxError) return new ProviderError('server', `Malformed response: ${message}`)
  return new ProviderError('network', message)
}
