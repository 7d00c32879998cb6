import type { Content, Part } from '@google/genai'
import type { ChatMessage, ToolCall } from '../../../../../shared/domain/conversation'
import { ProviderError } from './types'
import { argumentsObject } from './tool-arguments'

/**
 * Messages in the generateContent shape: system messages become the system instruction; user turns are
 * `user` contents and assistant turns `model` contents; an assistant's tool calls are functionCall parts and
 * the tool results answering them go together in the next `user` content as functionResponse parts.
 */
export interface GeminiConversation {
  systemInstruction: string | undefined
  contents: Content[]
}

/**
 * Gemini's own call ids are sent back as they came; the API (unlike Vertex) often sends none, and then the
 * adapter names the call `gemini_call_<n>` so the runner can tie a result to it — a name that is never sent.
 */
export const GENERATED_ID_PREFIX = 'gemini_call_'

/**
 * Gemini 3 models sign each turn's function calls (thoughtSignature) and refuse a replayed call without its
 * signature (400). A ToolCall keeps no signature, so a replayed call carries the sentinel Google documents for
 * history it did not produce; older models neither send nor check signatures and get none.
 * See https://ai.google.dev/gemini-api/docs/thought-signatures.
 */
export const SKIP_SIGNATURE = 'skip_thought_signature_validator'
const UNSIGNED_MODELS = /^(models\/)?gemini-(1|2)(\.|-)/

const argsOf = (call: ToolCall): Record<string, unknown> =>
  argumentsObject(call, "Gemini takes a function call's args")

const sentId = (id: string): { id?: string } =>
  id === '' || id.startsWith(GENERATED_ID_PREFIX) ? {} : { id }

function modelParts(m: Extract<ChatMessage, { role: 'assistant' }>, signed: boolean): Part[] {
  const text: Part[] = m.content === '' ? [] : [{ text: m.content }]
  // Only the first call of a turn carries a signature, as Gemini itself sends them (parallel calls).
  const calls = (m.toolCalls ?? []).map((c, i): Part => ({
    functionCall: { name: c.name, args: argsOf(c), ...sentId(c.id) },
    ...(signed && i === 0 ? { thoughtSignature: SKIP_SIGNATURE } : {}),
  }))
  const parts = [...text, ...calls]
  return parts.length > 0 ? parts : [{ text: '' }]
}

/** A tool result as Gemini documents it: the output under `output` in the response object. */
function responsePart(m: Extract<ChatMessage, { role: 'tool' }>): Part {
  return { functionResponse: { name: m.name, response: { output: m.content }, ...sentId(m.toolCallId) } }
}

export function toGeminiConversation(messages: ChatMessage[], model: string): GeminiConversation {
  const system: string[] = []
  const contents: Content[] = []
  const signed = !UNSIGNED_MODELS.test(model)
  let results: Part[] | null = null
  for (const m of messages) {
    if (m.role === 'system') {
      system.push(m.content)
      continue
    }
    if (m.role === 'tool') {
      if (results) results.push(responsePart(m))
      else {
        results = [responsePart(m)]
        contents.push({ role: 'user', parts: results })
      }
      continue
    }
    results = null
    if (m.role === 'assistant') contents.push({ role: 'model', parts: modelParts(m, signed) })
    else contents.push({ role: 'user', parts: [{ text: m.content }] })
  }
  if (contents.length === 0) {
    throw new ProviderError(
      'client',
      'The request was not sent: Gemini needs at least one user or assistant message; system messages travel ' +
        'as the system instruction, beside the conversation',
    )
  }
  return { systemInstruction: system.length > 0 ? system.join('\n\n') : undefined, contents }
}
