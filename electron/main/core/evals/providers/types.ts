import type { ModelParams, ModelRef, PromptMessage } from '../../../../../shared/domain/prompts'

/** One chat call as the runner renders it; the same shape is stored as the result's rendered request. */
export interface ChatRequest {
  messages: PromptMessage[]
  model: ModelRef
  params: ModelParams
  /** Sent as `x-evallab-case` so logs (and the mock server's scripted faults) can tie calls to a case. */
  caseKey?: string
  /** Cancels the call; the provider rejects with a 'cancelled' ProviderError. */
  signal?: AbortSignal
  /** Covers the whole call, stream included, not only the wait for response headers. */
  timeoutMs: number
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
  finishReason: string | null
  usage: ChatUsage
  /** Milliseconds from sending to the first content delta; null when the answer had no content at all. */
  ttftMs: number | null
  totalMs: number
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
  cause?: unknown
}

/** The one error type providers throw, so the retry loop decides on `kind` without knowing any SDK. */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind
  readonly status?: number
  readonly retryAfterMs?: number

  constructor(kind: ProviderErrorKind, message: string, options: ProviderErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'ProviderError'
    this.kind = kind
    if (options.status !== undefined) this.status = options.status
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs
  }
}

export interface Provider {
  /** The settings key this provider was built from, e.g. 'openai' or 'ollama'. */
  readonly id: string
  chat(request: ChatRequest): Promise<ChatResponse>
}
