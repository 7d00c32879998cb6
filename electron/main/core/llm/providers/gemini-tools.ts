import { FunctionCallingConfigMode } from '@google/genai'
import type {
  FunctionCallingConfig,
  GenerateContentConfig,
  GenerateContentResponse,
  GenerateContentResponseUsageMetadata,
} from '@google/genai'
import type { ToolCall, ToolChoice } from '../../../../../shared/domain/conversation'
import type { ModelParams } from '../../../../../shared/domain/prompts'
import { GENERATED_ID_PREFIX } from './gemini-messages'
import type { ToolParams } from './tool-check'
import type { ChatUsage } from './types'

type ToolFields = Pick<GenerateContentConfig, 'tools' | 'toolConfig'>

function callingConfig(choice: ToolChoice): FunctionCallingConfig {
  if (choice === 'auto') return { mode: FunctionCallingConfigMode.AUTO }
  if (choice === 'none') return { mode: FunctionCallingConfigMode.NONE }
  if (choice === 'required') return { mode: FunctionCallingConfigMode.ANY }
  return { mode: FunctionCallingConfigMode.ANY, allowedFunctionNames: [choice.name] }
}

/**
 * Tools as function declarations whose parameters are sent as JSON Schema (`parametersJsonSchema`, as
 * written, never translated to Gemini's OpenAPI subset); tool choice as the function calling mode, a named
 * tool as ANY restricted to that one function.
 */
export function geminiToolFields({ tools, choice }: ToolParams): ToolFields {
  const declarations = tools.map((t) => ({
    name: t.name,
    ...(t.description !== '' ? { description: t.description } : {}),
    parametersJsonSchema: t.parameters,
  }))
  return {
    ...(declarations.length > 0 ? { tools: [{ functionDeclarations: declarations }] } : {}),
    ...(choice ? { toolConfig: { functionCallingConfig: callingConfig(choice) } } : {}),
  }
}

/** JSON mode (`responseMimeType`), with the schema as JSON Schema (`responseJsonSchema`) when one is given. */
export function geminiResponseFormat(
  p: ModelParams,
): Pick<GenerateContentConfig, 'responseMimeType' | 'responseJsonSchema'> {
  const format = p.responseFormat
  if (!format || format.type === 'text') return {}
  if (format.type === 'json_object') return { responseMimeType: 'application/json' }
  return { responseMimeType: 'application/json', responseJsonSchema: format.schema }
}

/**
 * Usage as Google bills it: `promptTokenCount` counts the whole prompt, cached content included
 * (`cachedContentTokenCount`, billed at the cached rate), plus any tool-use prompt; output is the answer
 * (`candidatesTokenCount`) and the model's thinking (`thoughtsTokenCount`), both billed at the output rate.
 */
export function geminiUsage(u: GenerateContentResponseUsageMetadata | undefined): ChatUsage {
  return {
    inputTokens: (u?.promptTokenCount ?? 0) + (u?.toolUsePromptTokenCount ?? 0),
    outputTokens: (u?.candidatesTokenCount ?? 0) + (u?.thoughtsTokenCount ?? 0),
    cachedTokens: u?.cachedContentTokenCount ?? 0,
  }
}

const FILTERED = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
])

/**
 * Gemini's finish reason in the words the rest of the app reads (OpenAI's): STOP is `stop`, or `tool_calls`
 * when the answer called tools; MAX_TOKENS is `length`; a safety stop is `content_filter: <reason>`; any other
 * reason is kept, lower-cased (e.g. `malformed_function_call`).
 */
export function geminiFinishReason(reason: string | null, hasCalls: boolean): string | null {
  if (reason === null) return null
  if (reason === 'STOP') return hasCalls ? 'tool_calls' : 'stop'
  if (reason === 'MAX_TOKENS') return 'length'
  if (FILTERED.has(reason)) return `content_filter: ${reason.toLowerCase()}`
  return reason.toLowerCase()
}

/** Text (thought summaries left out) and function calls of one streamed chunk. */
export class GeminiParts {
  text = ''
  readonly calls: ToolCall[] = []

  /** True when the chunk carried content (for the time to first token). */
  add(chunk: GenerateContentResponse): boolean {
    let content = false
    for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
      if (part.functionCall) {
        const { id, name, args } = part.functionCall
        const callId = id ?? `${GENERATED_ID_PREFIX}${this.calls.length}`
        this.calls.push({ id: callId, name: name ?? '', arguments: JSON.stringify(args ?? {}) })
        content = true
      } else if (typeof part.text === 'string' && part.thought !== true && part.text !== '') {
        this.text += part.text
        content = true
      }
    }
    return content
  }
}
