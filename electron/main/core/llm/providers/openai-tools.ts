import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionTool,
  ChatCompletionToolChoiceOption,
} from 'openai/resources/chat/completions'
import type { ToolCall, ToolChoice } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import type { ToolParams } from './tool-check'

type ToolFields = Pick<ChatCompletionCreateParamsStreaming, 'tools' | 'tool_choice'>

/** Tools in the Chat Completions function shape; OpenAI-compatible servers (Ollama, vLLM…) take the same. */
export function openAiToolFields({ tools, choice }: ToolParams): ToolFields {
  const fields: ToolFields = {}
  if (tools.length > 0) {
    fields.tools = tools.map((t): ChatCompletionTool => ({
      type: 'function',
      function: {
        name: t.name,
        ...(t.description !== '' ? { description: t.description } : {}),
        parameters: t.parameters,
      },
    }))
  }
  if (choice !== undefined) fields.tool_choice = openAiToolChoice(choice)
  return fields
}

function openAiToolChoice(choice: ToolChoice): ChatCompletionToolChoiceOption {
  return typeof choice === 'string' ? choice : { type: 'function', function: { name: choice.name } }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Every sub-schema a schema holds, wherever JSON Schema allows one. */
function subSchemas(schema: Record<string, unknown>): Record<string, unknown>[] {
  const maps = ['properties', '$defs', 'definitions', 'patternProperties'].flatMap((k) => {
    const value = schema[k]
    return isRecord(value) ? Object.values(value) : []
  })
  const lists = ['anyOf', 'allOf', 'oneOf', 'prefixItems'].flatMap((k) => {
    const value = schema[k]
    return Array.isArray(value) ? (value as unknown[]) : []
  })
  const single = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains'].flatMap((k) => {
    const value = schema[k]
    return Array.isArray(value) ? (value as unknown[]) : [value]
  })
  return [...maps, ...lists, ...single].filter(isRecord)
}

/**
 * OpenAI's strict structured outputs accept an object schema only when every object lists all of its
 * properties in `required` and sets `additionalProperties: false`; a strict request with any other schema is
 * refused with a 400. The user's schema is sent as written (never rewritten), strict only when it qualifies,
 * so a looser schema still runs and the format scorer checks the answer against it.
 */
export function isStrictSchema(schema: Record<string, unknown>, root = true): boolean {
  if (root && schema['type'] !== 'object') return false
  const properties = schema['properties']
  const isObject = schema['type'] === 'object' || isRecord(properties)
  if (isObject) {
    if (schema['additionalProperties'] !== false) return false
    const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : []
    const names = isRecord(properties) ? Object.keys(properties) : []
    if (!names.every((name) => required.includes(name))) return false
  }
  return subSchemas(schema).every((sub) => isStrictSchema(sub, false))
}

export function openAiResponseFormat(
  p: ModelParams,
): Pick<ChatCompletionCreateParamsStreaming, 'response_format'> {
  const format = p.responseFormat
  if (!format || format.type === 'text') return {}
  if (format.type === 'json_object') return { response_format: { type: 'json_object' } }
  return {
    response_format: {
      type: 'json_schema',
      json_schema: { name: format.name, schema: format.schema, strict: isStrictSchema(format.schema) },
    },
  }
}

type ToolCallDelta = NonNullable<ChatCompletionChunk.Choice.Delta['tool_calls']>[number]

/**
 * Builds complete tool calls from streamed deltas: the first delta of a call carries its id and name, later
 * ones pieces of the argument text, which are joined exactly as they came (never parsed or re-encoded).
 * Calls are told apart by `index`, as the SDK's own accumulator does; a server that reuses an index for a new
 * call (a new id) or leaves the index out still gets one entry per call.
 */
export class ToolCallCollector {
  private readonly calls: ToolCall[] = []
  private readonly byIndex = new Map<number, ToolCall>()
  private lastIndex = 0

  add(delta: ToolCallDelta): void {
    const index = typeof delta.index === 'number' ? delta.index : this.lastIndex
    this.lastIndex = index
    let call = this.byIndex.get(index)
    if (!call || (delta.id && call.id !== '' && delta.id !== call.id)) {
      call = { id: '', name: '', arguments: '' }
      this.calls.push(call)
      this.byIndex.set(index, call)
    }
    if (delta.id) call.id = delta.id
    if (delta.function?.name) call.name = delta.function.name
    if (delta.function?.arguments) call.arguments += delta.function.arguments
  }

  /** The calls in the order they started; a call the server sent without an id gets `call_<position>`. */
  result(): ToolCall[] {
    return this.calls.map((call, i) => (call.id === '' ? { ...call, id: `call_${i}` } : { ...call }))
  }
}
