import Anthropic, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from '@anthropic-ai/sdk'
import type {
  MessageCreateParamsStreaming,
  MessageParam,
  RawMessageStreamEvent,
} from '@anthropic-ai/sdk/resources/messages/messages'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { openCallScope, probeFetch, scopeOptions, withTimings } from './call-scope'
import type { CallScope } from './call-scope'
import { abortedStreamError, toProviderError, type MapContext } from './errors'
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
    const stream = await client.messages.create(anthropicBody(request), {
      signal: scope.signal,
      // Our watchdog cuts first and says why; the SDK's timer (headers only) is a backstop.
      timeout: scope.requestLimitMs + 1000,
      headers: request.caseKey ? { 'x-evallab-case': request.caseKey } : {},
      fetchOptions: scope.fetchOptions as FetchOptions,
    })
    const response = await collect(stream, scope)
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
 * JSON output is asked for in words: Anthropic's native `output_config.format` exists only on newer models
 * and is refused by older ones (the demo pins claude-3-5-haiku), so an instruction works everywhere. The
 * limitation: nothing enforces it — the answer may still carry prose, and the format gate must check it.
 */
export function jsonInstruction(p: ModelParams): string | null {
  const format = p.responseFormat
  if (!format || format.type === 'text') return null
  if (format.type === 'json_object') return 'Answer only with a single JSON object, with no other text.'
  return (
    `Answer only with a single JSON object (named "${format.name}") that matches this JSON schema, ` +
    `with no other text:\n${JSON.stringify(format.schema)}`
  )
}

export function anthropicBody(request: ChatRequest): MessageCreateParamsStreaming {
  const p = request.params
  const system = request.messages.filter((m) => m.role === 'system').map((m) => m.content)
  const instruction = jsonInstruction(p)
  if (instruction) system.push(instruction)
  const messages: MessageParam[] = request.messages
    .filter((m) => m.role !== 'system')
    .map((m) => ({ role: m.role === 'assistant' ? 'assistant' : 'user', content: m.content }))
  return {
    model: request.model.model,
    messages,
    max_tokens: p.maxTokens ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    stream: true,
    ...(system.length > 0 ? { system: system.join('\n\n') } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { top_p: p.topP } : {}),
    // Anthropic has no seed parameter: ModelParams.seed is ignored here.
  }
}

async function collect(
  stream: AsyncIterable<RawMessageStreamEvent>,
  scope: CallScope,
): Promise<ChatResponse> {
  let text = ''
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
    } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      if (event.delta.text) scope.markFirstToken()
      text += event.delta.text
    } else if (event.type === 'message_delta') {
      finishReason = event.delta.stop_reason ?? finishReason
      // message_delta usage is cumulative; its input fields are null unless the server updates them.
      parts.output = event.usage.output_tokens
      parts.input = event.usage.input_tokens ?? parts.input
      parts.cacheRead = event.usage.cache_read_input_tokens ?? parts.cacheRead
      parts.cacheWrite = event.usage.cache_creation_input_tokens ?? parts.cacheWrite
    }
  }
  const usage: ChatUsage = {
    inputTokens: parts.input + parts.cacheRead + parts.cacheWrite,
    outputTokens: parts.output,
    cachedTokens: parts.cacheRead,
  }
  return withTimings({ text, toolCalls: [], finishReason, usage, raw: meta }, scope)
}
