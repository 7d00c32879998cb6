import type {
  ContentBlock,
  ConverseStreamRequest,
  InferenceConfiguration,
  Message,
  SystemContentBlock,
  Tool,
  ToolChoice as ConverseToolChoice,
  ToolConfiguration,
} from '@aws-sdk/client-bedrock-runtime'
import type { DocumentType } from '@smithy/types'
import type { ChatMessage, ToolCall, ToolChoice } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { jsonInstruction } from './anthropic'
import { checkedToolParams, type ToolParams } from './tool-check'
import type { ChatRequest } from './types'
import { ProviderError } from './types'
import { argumentsObject } from './tool-arguments'

const inputOf = (call: ToolCall): DocumentType =>
  argumentsObject(call, "Bedrock takes a tool call's input") as DocumentType

function assistantContent(m: Extract<ChatMessage, { role: 'assistant' }>): ContentBlock[] {
  const text: ContentBlock[] = m.content === '' ? [] : [{ text: m.content }]
  const uses = (m.toolCalls ?? []).map((c): ContentBlock => ({
    toolUse: { toolUseId: c.id, name: c.name, input: inputOf(c) },
  }))
  // Converse refuses an empty content list; an assistant turn with nothing said is sent as one space.
  return text.length + uses.length > 0 ? [...text, ...uses] : [{ text: ' ' }]
}

/**
 * Messages in the Converse shape. System messages travel in `system`; an assistant's tool calls become toolUse
 * blocks; the tool results answering them go together in the next user message as toolResult blocks, as
 * Converse (like Anthropic's API underneath it) requires.
 */
export function toConverseMessages(messages: ChatMessage[]): Message[] {
  const out: Message[] = []
  let results: ContentBlock[] | null = null
  for (const m of messages) {
    if (m.role === 'system') continue
    if (m.role === 'tool') {
      const block: ContentBlock = { toolResult: { toolUseId: m.toolCallId, content: [{ text: m.content }] } }
      if (results) results.push(block)
      else {
        results = [block]
        out.push({ role: 'user', content: results })
      }
      continue
    }
    results = null
    const content = m.role === 'assistant' ? assistantContent(m) : [{ text: m.content }]
    out.push({ role: m.role, content })
  }
  return out
}

function inferenceConfig(p: ModelParams): InferenceConfiguration | undefined {
  const config: InferenceConfiguration = {
    ...(p.maxTokens !== undefined ? { maxTokens: p.maxTokens } : {}),
    ...(p.temperature !== undefined ? { temperature: p.temperature } : {}),
    ...(p.topP !== undefined ? { topP: p.topP } : {}),
  }
  return Object.keys(config).length > 0 ? config : undefined
}

const converseTool = (name: string, description: string, schema: Record<string, unknown>): Tool => ({
  toolSpec: {
    name,
    ...(description !== '' ? { description } : {}),
    inputSchema: { json: { ...schema, type: 'object' } as DocumentType },
  },
})

function converseChoice(choice: ToolChoice | undefined): ConverseToolChoice | undefined {
  if (choice === undefined || choice === 'none') return undefined
  if (choice === 'auto') return { auto: {} }
  if (choice === 'required') return { any: {} }
  return { tool: { name: choice.name } }
}

const FORMAT_TOOL_DESCRIPTION = 'Give your answer by calling this tool: its input is the answer.'

/** The forced tool that carries a JSON Schema answer; its name is the response format's name. */
export function formatToolName(p: ModelParams): string | undefined {
  return p.responseFormat?.type === 'json_schema' ? p.responseFormat.name : undefined
}

function formatProblem(p: ModelParams, tools: ToolParams['tools']): string | undefined {
  const format = p.responseFormat
  if (format?.type !== 'json_schema') return undefined
  if (format.schema['type'] !== 'object')
    return `responseFormat "${format.name}" must be an object schema ("type": "object") for Bedrock, which carries it as a tool input`
  if (tools.some((t) => t.name === format.name))
    return `responseFormat "${format.name}" has the name of one of the tools; Bedrock receives it as a tool, so the names must differ`
  return undefined
}

/**
 * Tools and tool choice. Converse has no JSON Schema output mode that every model honours, so a JSON Schema
 * format goes as the Anthropic adapter sends it: one more tool whose input schema is the format, forced (or
 * `any` beside the version's own tools), and its input becomes the answer text. Converse has no 'none' choice:
 * the tools are left out then, unless the conversation already holds tool blocks, which need a toolConfig.
 */
export function converseToolConfig(
  { tools, choice }: ToolParams,
  p: ModelParams,
  hasToolBlocks: boolean,
): ToolConfiguration | undefined {
  const problem = formatProblem(p, tools)
  if (problem) throw new ProviderError('client', `The request was not sent: ${problem}`)
  const format = p.responseFormat?.type === 'json_schema' ? p.responseFormat : undefined
  const sent = tools.map((t) => converseTool(t.name, t.description, t.parameters))
  if (format) {
    const toolChoice: ConverseToolChoice =
      tools.length === 0 || choice === 'none'
        ? { tool: { name: format.name } }
        : typeof choice === 'object'
          ? { tool: { name: choice.name } }
          : { any: {} }
    return { tools: [...sent, converseTool(format.name, FORMAT_TOOL_DESCRIPTION, format.schema)], toolChoice }
  }
  if (sent.length === 0 || (choice === 'none' && !hasToolBlocks)) return undefined
  const toolChoice = converseChoice(choice)
  return { tools: sent, ...(toolChoice ? { toolChoice } : {}) }
}

const hasToolBlocks = (messages: ChatMessage[]): boolean =>
  messages.some((m) => m.role === 'tool' || (m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0))

/** The ConverseStream request for one chat call (ConverseStreamRequest and ConverseRequest share these fields). */
export function converseBody(request: ChatRequest): ConverseStreamRequest {
  const p = request.params
  const system: SystemContentBlock[] = request.messages
    .filter((m) => m.role === 'system')
    .map((m) => ({ text: m.content }))
  const instruction = jsonInstruction(p)
  if (instruction) system.push({ text: instruction })
  const toolConfig = converseToolConfig(checkedToolParams(p), p, hasToolBlocks(request.messages))
  const inference = inferenceConfig(p)
  return {
    modelId: request.model.model,
    messages: toConverseMessages(request.messages),
    ...(system.length > 0 ? { system } : {}),
    ...(inference ? { inferenceConfig: inference } : {}),
    // Converse has no seed parameter: ModelParams.seed is ignored here.
    ...(toolConfig ? { toolConfig } : {}),
  }
}
