import type { ChatMessage, ToolCall } from '../../../../../shared/domain/conversation'
import type { ModelParams, ModelRef } from '../../../../../shared/domain/prompts'
import type { RateLimitInfo } from './rate-limit-headers'

export type { RateLimitInfo } from './rate-limit-headers'

/**
 * How long one call may take, asked of the provider's limits when the call starts and again while it runs:
 * an automatic limit learned from the provider's observed latency tightens for calls already in flight.
 */
export interface CallLimits {
  /** The whole call, stream included, in ms. */
  requestMs(): number
  /** The longest silence allowed (no byte from the server), before the first byte or mid-stream, in ms. */
  idleMs(): number
  /** Learns from one successful call: its longest silence and its duration, both from when it was sent. */
  observe(timing: { longestSilenceMs: number; totalMs: number }): void
}

/** One chat call as the runner renders it; the same shape is stored as the result's rendered request. */
export interface ChatRequest {
  /** Tools, tool choice and response format travel in `params`. */
  messages: ChatMessage[]
  model: ModelRef
  params: ModelParams
  /** Sent as `x-evallab-case` so logs (and the mock server's scripted faults) can tie calls to a case. */
  caseKey?: string
  /** Cancels the call; the provider rejects with a 'cancelled' ProviderError. */
  signal?: AbortSignal
  /** An explicit whole-call limit (tests, a retry policy's timeout); it wins over `limits.requestMs()`. */
  timeoutMs?: number
  /** The provider's request and idle limits; without them only `timeoutMs` (or a generous default) applies. */
  limits?: CallLimits
  /** Each piece of answer text as it arrives (the playground streams it to the screen); never retried text. */
  onText?: (delta: string) => void
}

export interface ChatUsage {
  /** All prompt tokens, cached ones included (OpenAI's meaning; Anthropic's parts are summed). */
  inputTokens: number
  outputTokens: number
  /** The part of inputTokens served from the provider's prompt cache. */
  cachedTokens: number
}

export interface ChatResponse {
  text: string
  /** The answer's tool calls, names and complete argument text, in the order the model made them. */
  toolCalls: ToolCall[]
  finishReason: string | null
  usage: ChatUsage
  /**
   * Milliseconds from sending the request (as the HTTP client got it, after any wait for a slot) to the
   * first content delta; null when the answer had no content at all.
   */
  ttftMs: number | null
  /** Milliseconds from sending the request to the end of the answer. */
  totalMs: number
  /** What the provider said about its request limits (rate-limit headers), when it said anything. */
  rateLimit?: RateLimitInfo
  /** Provider-specific extras worth keeping (ids, model echoed back); never the API key. */
  raw?: unknown
}

export const providerErrorKinds = [
  'rate_limited',
  'server',
  'timeout',
  'network',
  'client',
  'auth',
  'cancelled',
] as const
export type ProviderErrorKind = (typeof providerErrorKinds)[number]

export interface ProviderErrorOptions {
  status?: number
  retryAfterMs?: number
  rateLimit?: RateLimitInfo
  cause?: unknown
}

/** The one error type providers throw, so the retry loop decides on `kind` without knowing any SDK. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind
  readonly status?: number
  readonly retryAfterMs?: number
  readonly rateLimit?: RateLimitInfo

  constructor(kind: ProviderErrorKind, message: string, options: ProviderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ProviderError'
    this.kind = kind
    if (options.status !== undefined) this.status = options.status
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
    if (options.rateLimit !== undefined) this.rateLimit = options.rateLimit
  }
}

export interface Provider {
  /** The settings key this provider was built from, e.g. 'openai' or 'ollama'. */
  readonly id: string
  chat(request: ChatRequest): Promise<ChatResponse>
}
