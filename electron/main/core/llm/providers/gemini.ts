import { GoogleGenAI } from '@google/genai'
import type {
  Fetch,
  GenerateContentConfig,
  GenerateContentParameters,
  GenerateContentResponse,
  HttpOptions,
} from '@google/genai'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { openCallScope, probeFetch, scopeOptions, withTimings } from './call-scope'
import type { CallScope } from './call-scope'
import { geminiProviderError, type GeminiErrorContext } from './gemini-errors'
import { toGeminiConversation } from './gemini-messages'
import {
  GeminiParts,
  geminiFinishReason,
  geminiResponseFormat,
  geminiToolFields,
  geminiUsage,
} from './gemini-tools'
import { checkedToolParams } from './tool-check'
import { ProviderError } from './types'
import type { ChatRequest, ChatResponse, ChatUsage, Provider } from './types'

export interface GeminiProviderOptions {
  id: string
  /** Unset for generativelanguage.googleapis.com; a proxy's (or the mock's) root, with or without /v1beta. */
  baseUrl?: string
  apiKey?: string
  now?: () => number
}

const VERSION_SUFFIX = /\/(v1|v1beta|v1alpha)\/?$/

/**
 * The SDK appends the API version to its base URL; a URL given with one (…/v1beta, as Google's docs and most
 * proxies write it) is split into both, so it is not sent to …/v1beta/v1beta.
 */
export function geminiHttpOptions(baseUrl: string | undefined): HttpOptions {
  if (!baseUrl) return {}
  const version = VERSION_SUFFIX.exec(baseUrl)?.[1]
  return version ? { baseUrl: baseUrl.replace(VERSION_SUFFIX, ''), apiVersion: version } : { baseUrl }
}

export function createGeminiProvider(options: GeminiProviderOptions): Provider {
  // The SDK retries only when given retryOptions (none here): the app owns the retry loop and the limiter.
  const client = new GoogleGenAI({
    // Always given, so the SDK never reads GEMINI_API_KEY / GOOGLE_API_KEY itself behind the key store.
    apiKey: options.apiKey ?? 'no-key',
    httpOptions: geminiHttpOptions(options.baseUrl),
  })
  return { id: options.id, chat: (request) => chat(client, request, options) }
}

/**
 * The call's fetch: it routes the request's timings to the scope (see probeFetch) and keeps the response
 * headers, which the SDK's ApiError drops (retry-after on a 429).
 */
function scopedFetch(scope: CallScope, seen: { headers: Headers | undefined }): Fetch {
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input instanceof Request ? input.url : input
    const response = await probeFetch(url, { ...init, ...scope.fetchOptions })
    seen.headers = response.headers
    return response
  }
}

async function chat(
  client: GoogleGenAI,
  request: ChatRequest,
  options: GeminiProviderOptions,
): Promise<ChatResponse> {
  const scope = openCallScope(scopeOptions(request, options.now))
  const seen: { headers: Headers | undefined } = { headers: undefined }
  const errorContext = (): GeminiErrorContext => ({
    apiKey: options.apiKey,
    cut: scope.cut,
    timeoutMs: scope.requestLimitMs,
    signal: scope.signal,
    headers: seen.headers,
  })
  try {
    // Built inside the try: a malformed tool definition becomes a 'client' ProviderError, nothing sent.
    const params = geminiRequest(request)
    params.config = {
      ...params.config,
      abortSignal: scope.signal,
      httpOptions: {
        headers: request.caseKey ? { 'x-evallab-case': request.caseKey } : {},
        fetch: scopedFetch(scope, seen),
      },
    }
    const stream = await client.models.generateContentStream(params)
    const response = await collect(stream, scope)
    if (scope.signal.aborted) throw new Error('aborted')
    request.limits?.observe({ longestSilenceMs: scope.longestSilenceMs(), totalMs: response.totalMs })
    return response
  } catch (error) {
    throw geminiProviderError(error, errorContext())
  } finally {
    scope.dispose()
  }
}

function generationConfig(p: ModelParams): GenerateContentConfig {
  return {
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { topP: p.topP } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    ...(p.maxTokens !== undefined ? { maxOutputTokens: p.maxTokens } : {}),
    ...geminiResponseFormat(p),
    ...geminiToolFields(checkedToolParams(p)),
  }
}

/** The generateContent request for one chat call (model, contents, system instruction, config). */
export function geminiRequest(request: ChatRequest): GenerateContentParameters {
  const model = request.model.model
  const { systemInstruction, contents } = toGeminiConversation(request.messages, model)
  return {
    model,
    contents,
    config: {
      ...generationConfig(request.params),
      ...(systemInstruction !== undefined ? { systemInstruction } : {}),
      // The SDK would resend a dropped stream on its own and call functions it was given; the runner
      // owns both (its retries are counted and paced, tool calls are answered from the case).
      automaticContinuation: false,
      automaticFunctionCalling: { disable: true },
    },
  }
}

async function collect(
  stream: AsyncIterable<GenerateContentResponse>,
  scope: CallScope,
): Promise<ChatResponse> {
  const parts = new GeminiParts()
  let reason: string | null = null
  let usage: ChatUsage = geminiUsage(undefined)
  let meta: { id?: string; model?: string; blockReason?: string } = {}
  for await (const chunk of stream) {
    if (parts.add(chunk)) scope.markFirstToken()
    reason = chunk.candidates?.[0]?.finishReason ?? reason
    // Usage comes with every chunk as a running total: the last one is the call's.
    if (chunk.usageMetadata) usage = geminiUsage(chunk.usageMetadata)
    meta = {
      ...meta,
      ...(chunk.responseId ? { id: chunk.responseId } : {}),
      ...(chunk.modelVersion ? { model: chunk.modelVersion } : {}),
      ...(chunk.promptFeedback?.blockReason ? { blockReason: chunk.promptFeedback.blockReason } : {}),
    }
  }
  // Gemini ends every answer with a finish reason: a stream closed before one came was cut, not finished.
  if (reason === null && !meta.blockReason) {
    throw new ProviderError(
      'server',
      'The stream ended before Gemini finished the answer (no finish reason).',
    )
  }
  // A blocked prompt gets no candidate at all: the answer is empty and says why, never a plain ''.
  const finishReason = meta.blockReason
    ? `content_filter: prompt ${meta.blockReason.toLowerCase()}`
    : geminiFinishReason(reason, parts.calls.length > 0)
  return withTimings({ text: parts.text, toolCalls: parts.calls, finishReason, usage, raw: meta }, scope)
}
