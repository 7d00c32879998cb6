import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions'
import type { CompletionUsage } from 'openai/resources/completions'
import type { ChatMessage } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { openCallScope, probeFetch, scopeOptions, withTimings } from './call-scope'
import type { CallScope } from './call-scope'
import { abortedStreamError, toProviderError, type MapContext } from './errors'
import { openAiResponseFormat, openAiToolFields, ToolCallCollector } from './openai-tools'
import { checkedToolParams } from './tool-check'
import type { ChatRequest, ChatResponse, Provider } from './types'

export interface OpenAiProviderOptions {
  id: string
  /** Unset for api.openai.com; Ollama, vLLM, LM Studio and llama.cpp servers give theirs (…/v1). */
  baseUrl?: string
  apiKey?: string
  /** 'openai-compatible' sends the older `max_tokens`, which local servers understand. */
  compatible?: boolean
  now?: () => number
}

/** Local servers usually ignore the key, but the SDK refuses to start without one. */
const PLACEHOLDER_KEY = 'no-key'

const errorClasses = { APIError, APIUserAbortError, APIConnectionTimeoutError, APIConnectionError }

export function createOpenAiProvider(options: OpenAiProviderOptions): Provider {
  const apiKey = options.apiKey ?? (options.compatible ? PLACEHOLDER_KEY : undefined)
  // The app owns the retry loop; SDK retries would hide attempts and ignore our rate limiter.
  const client = new OpenAI({
    apiKey: apiKey ?? PLACEHOLDER_KEY,
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    maxRetries: 0,
    // Marks when each request goes out and each chunk comes back: latency, silence and idle timeouts.
    fetch: probeFetch,
  })
  const call: ChatCallOptions = {
    compatible: options.compatible === true,
    ...(apiKey !== undefined ? { apiKey } : {}),
    ...(options.now ? { now: options.now } : {}),
  }
  return {
    id: options.id,
    chat: (request) => streamChatCompletion(client, request, call),
  }
}

/** How one Chat Completions call is sent; shared by OpenAI, OpenAI-compatible servers and Azure OpenAI. */
export interface ChatCallOptions {
  /** Send the older `max_tokens`, which local servers understand. */
  compatible: boolean
  /** Redacted from error messages. */
  apiKey?: string
  now?: () => number
  /** The `model` the body names, when not the ModelRef's (Azure: the deployment, which picks the URL). */
  wireModel?: string
}

/** One streamed Chat Completions call through any OpenAI-SDK client, errors mapped to ProviderError. */
export async function streamChatCompletion(
  client: OpenAI,
  request: ChatRequest,
  call: ChatCallOptions,
): Promise<ChatResponse> {
  const scope = openCallScope(scopeOptions(request, call.now))
  const mapContext = (): MapContext => ({
    classes: errorClasses,
    apiKey: call.apiKey,
    cut: scope.cut,
    timeoutMs: scope.requestLimitMs,
  })
  try {
    // Built inside the try: a malformed tool definition becomes a 'client' ProviderError, nothing sent.
    const body = openAiBody(request, call.compatible)
    if (call.wireModel !== undefined) body.model = call.wireModel
    const stream = await client.chat.completions.create(body, {
      signal: scope.signal,
      // Our watchdog cuts first and says why; the SDK's timer (headers only) is a backstop.
      timeout: scope.requestLimitMs + 1000,
      headers: request.caseKey ? { 'x-evallab-case': request.caseKey } : {},
      fetchOptions: scope.fetchOptions,
    })
    const response = await collect(stream, scope, request.onText)
    if (scope.signal.aborted) throw abortedStreamError(mapContext())
    request.limits?.observe({ longestSilenceMs: scope.longestSilenceMs(), totalMs: response.totalMs })
    return response
  } catch (error) {
    throw toProviderError(error, mapContext())
  } finally {
    scope.dispose()
  }
}

/** A message in the Chat Completions shape: assistant tool calls as `tool_calls`, results as `tool` turns. */
export function toOpenAiMessage(m: ChatMessage): ChatCompletionMessageParam {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.toolCallId, content: m.content }
  if (m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0) {
    return {
      role: 'assistant',
      content: m.content === '' ? null : m.content,
      tool_calls: m.toolCalls.map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments },
      })),
    }
  }
  return { role: m.role, content: m.content }
}

export function openAiBody(request: ChatRequest, compatible: boolean): ChatCompletionCreateParamsStreaming {
  return { ...openAiParams(request, compatible), stream: true, stream_options: { include_usage: true } }
}

/** The request without streaming: what a streamed call sends, and what a Batch API line carries as its body. */
export function openAiParams(
  request: Pick<ChatRequest, 'messages' | 'model' | 'params'>,
  compatible: boolean,
): ChatCompletionCreateParamsNonStreaming {
  const p: ModelParams = request.params
  const messages: ChatCompletionMessageParam[] = request.messages.map(toOpenAiMessage)
  return {
    model: request.model.model,
    messages,
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { top_p: p.topP } : {}),
    ...(p.seed !== undefined ? { seed: p.seed } : {}),
    // OpenAI's reasoning models refuse max_tokens; many local servers know only max_tokens.
    ...(p.maxTokens !== undefined
      ? compatible
        ? { max_tokens: p.maxTokens }
        : { max_completion_tokens: p.maxTokens }
      : {}),
    ...openAiToolFields(checkedToolParams(p)),
    ...openAiResponseFormat(p),
  }
}

async function collect(
  stream: AsyncIterable<ChatCompletionChunk>,
  scope: CallScope,
  onText: ((delta: string) => void) | undefined,
): Promise<ChatResponse> {
  let text = ''
  let refusal = ''
  let finishReason: string | null = null
  let usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 }
  let meta: { id?: string; model?: string } = {}
  const toolCalls = new ToolCallCollector()
  for await (const chunk of stream) {
    meta = { id: chunk.id, model: chunk.model }
    const choice = chunk.choices[0]
    const delta = choice?.delta
    if (delta?.content) {
      scope.markFirstToken()
      text += delta.content
      onText?.(delta.content)
    }
    if (delta?.refusal) {
      scope.markFirstToken()
      refusal += delta.refusal
    }
    for (const call of delta?.tool_calls ?? []) {
      scope.markFirstToken()
      toolCalls.add(call)
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason
    if (chunk.usage) usage = openAiUsage(chunk.usage)
  }
  // A refusal (structured outputs) comes instead of content: it is the answer, said as such, never ''.
  if (refusal !== '' && text === '')
    return withTimings(
      {
        text: refusal,
        toolCalls: toolCalls.result(),
        finishReason: 'refusal',
        usage,
        raw: { ...meta, refusal },
      },
      scope,
    )
  return withTimings({ text, toolCalls: toolCalls.result(), finishReason, usage, raw: meta }, scope)
}

/** Usage as the app counts it; shared with the Batch API adapter, which reads the same object. */
export function openAiUsage(
  u: Pick<CompletionUsage, 'prompt_tokens' | 'completion_tokens'> & {
    prompt_tokens_details?: { cached_tokens?: number | undefined } | null | undefined
  },
): ChatResponse['usage'] {
  return {
    inputTokens: u.prompt_tokens,
    outputTokens: u.completion_tokens,
    cachedTokens: u.prompt_tokens_details?.cached_tokens ?? 0,
  }
}
