import { z } from 'zod'
import { anthropicUsage } from '../providers/anthropic'
import { anthropicAnswer, formatToolName } from '../providers/anthropic-tools'
import { kindForStatus, redact } from '../providers/errors'
import type { ChatResponse } from '../providers/types'
import type { BatchItemOutcome, BatchRequest } from './types'

/** One result of Message Batches (@anthropic-ai/sdk 1.14's MessageBatchIndividualResponse), checked with zod. */
const blockSchema = z.looseObject({
  type: z.string(),
  text: z.string().optional(),
  id: z.string().optional(),
  name: z.string().optional(),
  input: z.unknown().optional(),
})
const messageSchema = z.looseObject({
  id: z.string().optional(),
  model: z.string().optional(),
  stop_reason: z.string().nullish(),
  content: z.array(blockSchema),
  usage: z.looseObject({
    input_tokens: z.number(),
    output_tokens: z.number(),
    cache_read_input_tokens: z.number().nullish(),
    cache_creation_input_tokens: z.number().nullish(),
  }),
})
export const resultLineSchema = z.looseObject({
  custom_id: z.string(),
  result: z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('succeeded'), message: messageSchema }),
    z.looseObject({
      type: z.literal('errored'),
      error: z
        .looseObject({ error: z.looseObject({ type: z.string(), message: z.string().nullish() }).nullish() })
        .nullish(),
    }),
    z.looseObject({ type: z.literal('canceled') }),
    z.looseObject({ type: z.literal('expired') }),
  ]),
})
export type ResultLine = z.infer<typeof resultLineSchema>

/** Anthropic names an item's error by type, not status: each type's HTTP status, so it is classified alike. */
const STATUS_OF_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
}

/**
 * The answer as the streamed adapter reads it: text blocks, tool calls (their input as JSON text), and for a
 * JSON Schema format the format tool's input as the answer text (which needs the request's params).
 */
function responseOf(
  message: z.infer<typeof messageSchema>,
  request: BatchRequest['request'] | undefined,
): ChatResponse {
  const text = message.content.map((b) => (b.type === 'text' ? (b.text ?? '') : '')).join('')
  const calls = message.content
    .filter((b) => b.type === 'tool_use')
    .map((b) => ({ id: b.id ?? '', name: b.name ?? '', arguments: JSON.stringify(b.input ?? {}) }))
  const formatTool = request ? formatToolName(request.params) : undefined
  const answer = anthropicAnswer({ text, calls: () => calls }, formatTool, message.stop_reason ?? null)
  const u = message.usage
  const usage = anthropicUsage({
    input: u.input_tokens,
    cacheRead: u.cache_read_input_tokens ?? 0,
    cacheWrite: u.cache_creation_input_tokens ?? 0,
    output: u.output_tokens,
  })
  return { ...answer, usage, ttftMs: null, totalMs: 0, raw: { id: message.id, model: message.model } }
}

export function outcomeOfResult(
  line: ResultLine,
  request: BatchRequest['request'] | undefined,
  apiKey: string | undefined,
): BatchItemOutcome {
  const { custom_id: customId, result } = line
  switch (result.type) {
    case 'succeeded':
      return { customId, ok: true, response: responseOf(result.message, request) }
    case 'errored': {
      const type = result.error?.error?.type ?? 'api_error'
      const status = STATUS_OF_TYPE[type] ?? 500
      const message = redact(result.error?.error?.message ?? type, apiKey)
      return { customId, ok: false, outcome: 'errored', errorKind: kindForStatus(status), status, message }
    }
    case 'canceled':
      return outcomeWithout(customId, 'cancelled', 'The batch was cancelled before this request ran.')
    case 'expired':
      return outcomeWithout(customId, 'expired', 'The batch expired before this request ran.')
  }
}

const outcomeWithout = (
  customId: string,
  outcome: 'cancelled' | 'expired',
  message: string,
): BatchItemOutcome => ({
  customId,
  ok: false,
  outcome,
  errorKind: null,
  status: null,
  message,
})
