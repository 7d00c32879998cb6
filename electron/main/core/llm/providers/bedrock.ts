import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamOutput,
  type TokenUsage,
} from '@aws-sdk/client-bedrock-runtime'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types'
import type { ToolCall } from '../../../../../shared/domain/conversation'
import { openCallScope, scopeOptions, withTimings, type CallScope } from './call-scope'
import { toBedrockError } from './bedrock-errors'
import { converseBody, formatToolName } from './bedrock-messages'
import {
  addCaseHeader,
  bedrockRequestHandler,
  withScope,
  type MiddlewareStackLike,
} from './bedrock-transport'
import type { ChatRequest, ChatResponse, ChatUsage, Provider } from './types'

export interface BedrockProviderOptions {
  id: string
  /** The AWS region (eu-central-1…); unset: the SDK's own chain (AWS_REGION, the profile's region). */
  region?: string
  /** Another endpoint than bedrock-runtime.<region>.amazonaws.com (a VPC endpoint, a proxy, the tests' mock). */
  baseUrl?: string
  /** Tests only: fixed credentials. Unset: the SDK's default chain (environment, profile, SSO, instance role). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider
  now?: () => number
}

export function createBedrockProvider(options: BedrockProviderOptions): Provider {
  const client = new BedrockRuntimeClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.baseUrl ? { endpoint: options.baseUrl } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // The app owns the retry loop; SDK retries would hide attempts and ignore our rate limiter.
    maxAttempts: 1,
    requestHandler: bedrockRequestHandler(),
  })
  return { id: options.id, chat: (request) => chat(client, request, options) }
}

async function chat(
  client: BedrockRuntimeClient,
  request: ChatRequest,
  options: BedrockProviderOptions,
): Promise<ChatResponse> {
  const scope = openCallScope(scopeOptions(request, options.now))
  const context = () => ({ cut: scope.cut, timeoutMs: scope.requestLimitMs })
  try {
    // Built inside the try: a malformed tool definition becomes a 'client' ProviderError, nothing sent.
    const command = new ConverseStreamCommand(converseBody(request))
    addCaseHeader(command.middlewareStack as unknown as MiddlewareStackLike, request.caseKey)
    const response = await withScope(scope, async () => {
      const output = await client.send(command, { abortSignal: scope.signal })
      const answer = await collect(output.stream ?? emptyStream(), scope, formatToolName(request.params))
      // The stream carries no message id; the request id is what AWS support asks for.
      return { ...answer, raw: { requestId: output.$metadata.requestId, model: request.model.model } }
    })
    if (scope.signal.aborted) throw toBedrockError(null, context(), true)
    request.limits?.observe({ longestSilenceMs: scope.longestSilenceMs(), totalMs: response.totalMs })
    return response
  } catch (error) {
    throw toBedrockError(error, context(), scope.signal.aborted)
  } finally {
    scope.dispose()
  }
}

async function* emptyStream(): AsyncIterable<ConverseStreamOutput> {}

interface ToolBlock {
  id: string
  name: string
  json: string
}

/** Text and toolUse blocks from the stream, by content block index. */
class ConverseBlocks {
  text = ''
  private readonly tools = new Map<number, ToolBlock>()

  /** True when the event carried content (for the time to first token). */
  add(event: ConverseStreamOutput): boolean {
    const start = event.contentBlockStart
    if (start?.start?.toolUse) {
      const { toolUseId = '', name = '' } = start.start.toolUse
      this.tools.set(start.contentBlockIndex ?? 0, { id: toolUseId, name, json: '' })
      return true
    }
    const delta = event.contentBlockDelta
    if (!delta?.delta) return false
    if (delta.delta.text !== undefined) {
      this.text += delta.delta.text
      return delta.delta.text !== ''
    }
    const block = this.tools.get(delta.contentBlockIndex ?? 0)
    if (delta.delta.toolUse && block) block.json += delta.delta.toolUse.input ?? ''
    return false
  }

  /** Calls in block order; a call without input deltas is a tool with no arguments: {}. */
  calls(): ToolCall[] {
    return [...this.tools.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, b]) => ({ id: b.id, name: b.name, arguments: b.json !== '' ? b.json : '{}' }))
  }
}

/** Bedrock's inputTokens excludes cache reads and writes; summed so inputTokens means all prompt tokens. */
export function bedrockUsage(u: TokenUsage | undefined): ChatUsage {
  const cacheRead = u?.cacheReadInputTokens ?? 0
  const cacheWrite = u?.cacheWriteInputTokens ?? 0
  return {
    inputTokens: (u?.inputTokens ?? 0) + cacheRead + cacheWrite,
    outputTokens: u?.outputTokens ?? 0,
    cachedTokens: cacheRead,
  }
}

async function collect(
  stream: AsyncIterable<ConverseStreamOutput>,
  scope: CallScope,
  formatTool: string | undefined,
): Promise<ChatResponse> {
  const blocks = new ConverseBlocks()
  let stopReason: string | null = null
  let usage: ChatUsage = bedrockUsage(undefined)
  for await (const event of stream) {
    if (blocks.add(event)) scope.markFirstToken()
    else if (event.messageStop) stopReason = event.messageStop.stopReason ?? stopReason
    else if (event.metadata) usage = bedrockUsage(event.metadata.usage)
  }
  return withTimings({ ...answerOf(blocks, formatTool, stopReason), usage, raw: {} }, scope)
}

/**
 * The answer: with a JSON Schema format, the format tool's input is the answer text and not a tool call (the
 * stop reason 'tool_use' then only says how the answer came, so it reads 'end_turn'); otherwise the text.
 */
function answerOf(
  blocks: ConverseBlocks,
  formatTool: string | undefined,
  stopReason: string | null,
): { text: string; toolCalls: ToolCall[]; finishReason: string | null } {
  const calls = blocks.calls()
  const answer = formatTool === undefined ? undefined : calls.find((c) => c.name === formatTool)
  if (!answer) return { text: blocks.text, toolCalls: calls, finishReason: stopReason }
  const toolCalls = calls.filter((c) => c !== answer)
  const finishReason = stopReason === 'tool_use' && toolCalls.length === 0 ? 'end_turn' : stopReason
  return { text: answer.arguments, toolCalls, finishReason }
}
