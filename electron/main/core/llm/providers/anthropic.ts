import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk'
import type {
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages/messages'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { openCallScope, probeFetch, scopeOptions, withTimings } from './call-scope'
import type { CallScope } from './call-scope'
import {
  AnthropicBlocks,
  anthropicAnswer,
  anthropicToolFields,
  formatToolName,
  toAnthropicMessages,
} from './anthropic-tools'
import { abortedStreamError, toProviderError, type MapContext } from './errors'
import { checkedToolParams } from './tool-check'
import type { ChatRequest, ChatResponse, ChatUsage, Provider } from './types'

export interface AnthropicProviderOptions {
  id: string
  baseUrl?: string
  apiKey?: string
  now?: () => number
}

/** Anthropic requires max_tokens on every call; prompts that leave it unset get this. */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 1024

/** The SDK's per-request fetch options, which carry the call's probe (see call-scope.ts). */
type FetchOptions = NonNullable<Parameters<Anthropic['messages']['create']>[1]>['fetchOptions']

const errorClasses = { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }

export function createAnthropicProvider(options: AnthropicProviderOptions): Provider {
  // The app owns the retry loop; SDK retries would hide attempts and ignore our rate limiter.
  const client = new Anthropic({
    apiKey: options.apiKey ?? 'no-key',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    maxRetries: 0,
    // Marks when each request goes out and each chunk comes back: latency, silence and idle timeouts.
    fetch: probeFetch,
  })
  return { id: options.id, chat: (request) => chat(client, request, options) }
}

async function chat(
  client: Anthropic,
  request: ChatRequest,
  options: AnthropicProviderOptions,
): Promise<ChatResponse> {
  const scope = openCallScope(scopeOptions(request, options.now))
  const mapContext = (): MapContext => ({
    classes: errorClasses,
    apiKey: options.apiKey,
    cut: scope.cut,
    timeoutMs: scope.requestLimitMs,
  })
  try {
    // Built inside the try: a malformed tool definition becomes a 'client' ProviderError, nothing sent.
    const body = anthropicBody(request)
    const stream = await client.messages.create(body, {
      signal: scope.signal,
      // Our watchdog cuts first and says why; the SDK's timer (headers only) is a backstop.
      timeout: scope.requestLimitMs + 1000,
      headers: request.caseKey ? { 'x-evallab-case': request.caseKey } : {},
      fetchOptions: scope.fetchOptions as FetchOptions,
    })
    const response = await collect(stream, scope, formatToolName(request.params), request.onText)
    if (scope.signal.aborted) throw abortedStreamError(mapContext())
    request.limits?.observe({ longestSilenceMs: scope.longestSilenceMs(), totalMs: response.totalMs })
    return response
  } catch (error) {
    throw toProviderError(error, mapContext())
  } finally {
    scope.dispose()
  }
}

/**
 * A JSON object without a schema is asked for in words: Anthropic has no JSON mode, and its native
 * `output_config.format` needs a schema and exists only on newer models. Nothing enforces it — the answer may
 * still carry prose, and the format gate must check it. A JSON Schema format goes as a forced tool instead
 * (anthropic-tools.ts), which every tool-using model honours.
 */
export function jsonInstruction(p: ModelParams): string | null {
  return p.responseFormat?.type === 'json_object'
    ? 'Answer only with a single JSON object, with no other text.'
    : null
}

export function anthropicBody(request: ChatRequest): MessageCreateParamsStreaming {
  return { ...anthropicParams(request), stream: true }
}

/** The request without streaming: what a streamed call sends, and what a Message Batch item carries. */
export function anthropicParams(
  request: Pick<ChatRequest, 'messages' | 'model' | 'params'>,
): MessageCreateParamsNonStreaming {
  const p = request.params
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content)
  const instruction = jsonInstruction(p)
  if (instruction) system.push(instruction)
  const tools = anthropicToolFields(checkedToolParams(p), p)
  return {
    model: request.model.model,
    messages: toAnthropicMessages(request.messages),
    max_tokens: p.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { top_p: p.topP } : {}),
    // Anthropic has no seed parameter: ModelParams.seed is ignored here.
    ...tools,
  }
}

async function collect(
  stream: AsyncIterable<RawMessageStreamEvent>,
  scope: CallScope,
  formatTool: string | undefined,
  onText: ((delta: string) => void) | undefined,
): Promise<ChatResponse> {
  const blocks = new AnthropicBlocks()
  let finishReason: string | null = null
  // Anthropic's input_tokens excludes cache reads and writes; summed so inputTokens means all prompt tokens.
  const parts = { input: 0, cacheRead: 0, cacheWrite: 0, output: 0 }
  let meta: { id?: string; model?: string } = {}
  for await (const event of stream) {
    if (event.type === 'message_start') {
      const u = event.message.usage
      meta = { id: event.message.id, model: event.message.model }
      Object.assign(parts, {
        input: u.input_tokens,
        cacheRead: u.cache_read_input_tokens ?? 0,
        cacheWrite: u.cache_creation_input_tokens ?? 0,
        output: u.output_tokens,
      })
    } else if (blocks.add(event)) {
      scope.markFirstToken()
      if (onText && event.type === 'content_block_delta' && event.delta.type === 'text_delta')
        onText(event.delta.text)
    } else if (event.type === 'message_delta') {
      finishReason = event.delta.stop_reason ?? finishReason
      // message_delta usage is cumulative; its input fields are null unless the server updates them.
      parts.output = event.usage.output_tokens
      parts.input = event.usage.input_tokens ?? parts.input
      parts.cacheRead = event.usage.cache_read_input_tokens ?? parts.cacheRead
      parts.cacheWrite = event.usage.cache_creation_input_tokens ?? parts.cacheWrite
    }
  }
  return withTimings(
    { ...anthropicAnswer(blocks, formatTool, finishReason), usage: anthropicUsage(parts), raw: meta },
    scope,
  )
}

/** Anthropic's parts as the app counts them; shared with the Message Batches adapter. */
export function anthropicUsage(parts: {
  input: number
  cacheRead: number
  cacheWrite: number
  output: number
}): ChatUsage {
  return {
    inputTokens: parts.input + parts.cacheRead + parts.cacheWrite,
    outputTokens: parts.output,
    cachedTokens: parts.cacheRead,
  }
}
