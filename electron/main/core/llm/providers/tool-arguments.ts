import type { ToolCall } from '../../../../../shared/domain/conversation'
import { ProviderError } from './types'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A tool call's arguments as the object Anthropic, Bedrock and Gemini take when a call is sent back to them; text
 * that is not a JSON object cannot be sent, and the request is refused before anything goes out. `takes` says
 * what the vendor calls them, e.g. "Anthropic takes a tool call's input".
 */
export function argumentsObject(call: ToolCall, takes: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(call.arguments)
  } catch {
    value = undefined
  }
  if (isRecord(value)) return value
  throw new ProviderError(
    'client',
    `The request was not sent: tool call "${call.id}" (${call.name}) has arguments that are not a JSON ` +
      `object, and ${takes} only as an object: ${JSON.stringify(call.arguments.slice(0, 200))}`,
  )
}
