import type {
  ContentBlockParam,
  MessageCreateParamsStreaming,
  MessageParam,
  RawMessageStreamEvent,
  TextBlockParam,
  Tool,
  ToolChoice as AnthropicToolChoice,
  ToolResultBlockParam,
  ToolUseBlockParam,
} from '@anthropic-ai/sdk/resources/messages/messages'
import type { ChatMessage, ToolCall, ToolChoice } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import type { ToolParams } from './tool-check'
import { ProviderError } from './types'
import { argumentsObject } from './tool-arguments'

const inputOf = (call: ToolCall): Record<string, unknown> =>
  argumentsObject(call, "Anthropic takes a tool call's input")

function assistantBlocks(m: Extract<ChatMessage, { role: 'assistant' }>): ContentBlockParam[] {
  const text: TextBlockParam[] = m.content === '' ? [] : [{ type: 'text', text: m.content }]
  const uses = (m.toolCalls ?? []).map((c): ToolUseBlockParam => ({
    type: 'tool_use',
    id: c.id,
    name: c.name,
    input: inputOf(c),
  }))
  return [...text, ...uses]
}

/**
 * Messages in the Messages API shape. System messages travel in `system` (see anthropicBody); an assistant's
 * tool calls become tool_use blocks; the tool results answering them go together in the next user message
 * as tool_result blocks, as the API requires.
 */
export function toAnthropicMessages(messages: ChatMessage[]): MessageParam[] {
  const out: MessageParam[] = []
  let results: ToolResultBlockParam[] | null = null
  for (const m of messages) {
    if (m.role === 'system') continue
    if (m.role === 'tool') {
      const block: ToolResultBlockParam = {
        type: 'tool_result',
        tool_use_id: m.toolCallId,
        content: m.content,
      }
      if (results) results.push(block)
      else {
        results = [block]
        out.push({ role: 'user', content: results })
      }
      continue
    }
    results = null
    if (m.role === 'assistant' && (m.toolCalls?.length ?? 0) > 0) {
      out.push({ role: 'assistant', content: assistantBlocks(m) })
    } else out.push({ role: m.role, content: m.content })
  }
  return out
}

type ToolFields = Pick<MessageCreateParamsStreaming, 'tools' | 'tool_choice'>

function anthropicChoice(choice: ToolChoice): AnthropicToolChoice {
  if (choice === 'auto') return { type: 'auto' }
  if (choice === 'none') return { type: 'none' }
  if (choice === 'required') return { type: 'any' }
  return { type: 'tool', name: choice.name }
}

function anthropicTool(name: string, description: string, schema: Record<string, unknown>): Tool {
  return {
    name,
    ...(description !== '' ? { description } : {}),
    input_schema: { ...schema, type: 'object' },
  }
}

/** The forced tool that carries a JSON Schema answer; its name is the response format's name. */
export function formatToolName(p: ModelParams): string | undefined {
  return p.responseFormat?.type === 'json_schema' ? p.responseFormat.name : undefined
}

const FORMAT_TOOL_DESCRIPTION = 'Give your answer by calling this tool: its input is the answer.'

/**
 * Tools and tool choice. A JSON Schema response format is asked for the way Anthropic documents for every
 * model: a tool whose input schema is the format, forced with tool_choice, whose input becomes the answer
 * text. Beside the version's own tools it is one more tool and the model must call one ('any'), unless the
 * version forces one of its own; with tool choice 'none' the format tool is forced.
 */
export function anthropicToolFields({ tools, choice }: ToolParams, p: ModelParams): ToolFields {
  const format = p.responseFormat?.type === 'json_schema' ? p.responseFormat : undefined
  const sent = tools.map((t) => anthropicTool(t.name, t.description, t.parameters))
  if (!format) {
    return {
      ...(sent.length > 0 ? { tools: sent } : {}),
      ...(choice ? { tool_choice: anthropicChoice(choice) } : {}),
    }
  }
  if (format.schema['type'] !== 'object') {
    throw new ProviderError(
      'client',
      `The request was not sent: responseFormat "${format.name}" must be an object schema ("type": "object") ` +
        'for Anthropic, which carries it as a tool input',
    )
  }
  if (tools.some((t) => t.name === format.name)) {
    throw new ProviderError(
      'client',
      `The request was not sent: responseFormat "${format.name}" has the name of one of the tools; ` +
        'Anthropic receives it as a tool, so the names must differ',
    )
  }
  const forced: AnthropicToolChoice = { type: 'tool', name: format.name, disable_parallel_tool_use: true }
  const toolChoice: AnthropicToolChoice =
    tools.length === 0 || choice === 'none'
      ? forced
      : typeof choice === 'object'
        ? anthropicChoice(choice)
        : { type: 'any' }
  return {
    tools: [...sent, anthropicTool(format.name, FORMAT_TOOL_DESCRIPTION, format.schema)],
    tool_choice: toolChoice,
  }
}

interface ToolBlock {
  id: string
  name: string
  /** The input as the stream spelled it (input_json_delta pieces, joined exactly). */
  json: string
  /** The input in content_block_start: the whole input when no delta followed. */
  startInput: unknown
}

/** Text and tool_use blocks from the stream, by block index. */
export class AnthropicBlocks {
  text = ''
  private readonly tools = new Map<number, ToolBlock>()

  /** True when the event carried content (for the time to first token). */
  add(event: RawMessageStreamEvent): boolean {
    if (event.type === 'content_block_start' && event.content_block.type === 'tool_use') {
      const { id, name, input } = event.content_block
      this.tools.set(event.index, { id, name, json: '', startInput: input })
      return true
    }
    if (event.type !== 'content_block_delta') return false
    if (event.delta.type === 'text_delta') {
      this.text += event.delta.text
      return event.delta.text !== ''
    }
    const block = this.tools.get(event.index)
    if (event.delta.type === 'input_json_delta' && block) block.json += event.delta.partial_json
    return false
  }

  /** Calls in block order; a call without input deltas keeps its start input (a tool with no arguments: {}). */
  calls(): ToolCall[] {
    return [...this.tools.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, b]) => ({
        id: b.id,
        name: b.name,
        arguments: b.json !== '' ? b.json : JSON.stringify(b.startInput ?? {}),
      }))
  }
}

/**
 * The answer: with a JSON Schema format, the format tool's input is the answer text and not a tool call (the
 * stop reason 'tool_use' then only says how the answer came, so it reads 'end_turn'); otherwise the text blocks.
 */
export function anthropicAnswer(
  blocks: Pick<AnthropicBlocks, 'text' | 'calls'>,
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
