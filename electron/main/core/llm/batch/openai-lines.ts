import { z } from 'zod'
import { kindForStatus, redact } from '../providers/errors'
import { openAiUsage } from '../providers/openai'
import type { ChatResponse } from '../providers/types'
import type { BatchItemOutcome } from './types'

/**
 * One line of a Batch API output or error file (openai 6.49's BatchRequestOutput shape): either the response
 * the endpoint gave (a chat completion, or an error body with its status), or an error of the batch itself
 * (batch_expired, batch_cancelled). Checked with zod: the file comes from the network.
 */
export const outputLineSchema = z.looseObject({
  custom_id: z.string(),
  response: z
    .looseObject({ status_code: z.number().int(), request_id: z.string().nullish(), body: z.unknown() })
    .nullish(),
  error: z.looseObject({ code: z.string().nullish(), message: z.string().nullish() }).nullish(),
})
export type OutputLine = z.infer<typeof outputLineSchema>

const toolCallSchema = z.looseObject({
  id: z.string(),
  function: z.looseObject({ name: z.string(), arguments: z.string() }),
})

const completionSchema = z.looseObject({
  id: z.string().optional(),
  model: z.string().optional(),
  choices: z
    .array(
      z.looseObject({
        finish_reason: z.string().nullish(),
        message: z.looseObject({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z.array(toolCallSchema).nullish(),
        }),
      }),
    )
    .min(1),
  usage: z
    .looseObject({
      prompt_tokens: z.number(),
      completion_tokens: z.number(),
      prompt_tokens_details: z.looseObject({ cached_tokens: z.number().optional() }).nullish(),
    })
    .nullish(),
})

const errorBodySchema = z.looseObject({
  error: z.looseObject({ message: z.string().nullish(), code: z.string().nullish() }).nullish(),
})

/** The answer as the streamed adapter reads it: a refusal with no content is the answer, said as such. */
function responseOf(body: z.infer<typeof completionSchema>, requestId: string | null): ChatResponse {
  const choice = body.choices[0]
  const message = choice?.message
  const text = message?.content ?? ''
  const refusal = message?.refusal ?? ''
  const toolCalls = (message?.tool_calls ?? []).map((c) => ({
    id: c.id,
    name: c.function.name,
    arguments: c.function.arguments,
  }))
  const usage = body.usage ? openAiUsage(body.usage) : { inputTokens: 0, outputTokens: 0, cachedTokens: 0 }
  const meta = { id: body.id, model: body.model, requestId }
  const isRefusal = refusal !== '' && text === ''
  return {
    text: isRefusal ? refusal : text,
    toolCalls,
    finishReason: isRefusal ? 'refusal' : (choice?.finish_reason ?? null),
    usage,
    // Meaningless for a batch: the lane stores both as null.
    ttftMs: null,
    totalMs: 0,
    raw: isRefusal ? { ...meta, refusal } : meta,
  }
}

const errored = (
  customId: string,
  status: number | null,
  message: string,
): Extract<BatchItemOutcome, { ok: false }> => ({
  customId,
  ok: false,
  outcome: 'errored',
  // An error without a status (a batch-level code the API may add) is treated as a server fault: retryable.
  errorKind: status === null ? 'server' : kindForStatus(status),
  status,
  message,
})

/** Maps one output or error line to the item's outcome, with errors classified as a streamed call's would be. */
export function outcomeOfLine(line: OutputLine, apiKey: string | undefined): BatchItemOutcome {
  const { custom_id: customId, response, error } = line
  if (response && response.status_code < 400) {
    const body = completionSchema.safeParse(response.body)
    if (body.success)
      return { customId, ok: true, response: responseOf(body.data, response.request_id ?? null) }
    return errored(customId, null, `Malformed response in the batch output: ${z.prettifyError(body.error)}`)
  }
  if (response) {
    const body = errorBodySchema.safeParse(response.body)
    const said = body.success ? body.data.error?.message : null
    const message = redact(said ?? `The request failed with status ${response.status_code}.`, apiKey)
    return errored(customId, response.status_code, message)
  }
  const code = error?.code ?? null
  const message = redact(error?.message ?? `The request failed (${code ?? 'no code'}).`, apiKey)
  if (code === 'batch_expired')
    return { customId, ok: false, outcome: 'expired', errorKind: null, status: null, message }
  if (code === 'batch_cancelled') {
    return { customId, ok: false, outcome: 'cancelled', errorKind: null, status: null, message }
  }
  return errored(customId, null, code ? `${code}: ${message}` : message)
}
