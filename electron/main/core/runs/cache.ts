import { createHash } from 'node:crypto'
import { z } from 'zod'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import { toolCallSchema, type ChatMessage } from '../../../../shared/domain/conversation'
import type { ModelParams, ModelRef } from '../../../../shared/domain/prompts'
import type { ChatResponse } from '../llm/providers/types'

/** The exact request: the same bytes for the same provider, model, messages and params, whatever key order. */
export function requestHash(model: ModelRef, messages: readonly ChatMessage[], params: ModelParams): string {
  const key = canonicalJson({ provider: model.provider, model: model.model, messages, params })
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** Only deterministic requests are cached: at any other temperature a stored answer hides real variance. */
export function isCacheable(params: ModelParams, useCache: boolean): boolean {
  return useCache && params.temperature === 0
}

export const cachedResponseSchema = z.object({
  text: z.string(),
  /**
   * The answer's tool calls: a cached tool-calling answer is that answer, not an empty one. Entries stored
   * before tool calls existed have none, which is what their requests (no tools offered) got.
   */
  toolCalls: z.array(toolCallSchema).default([]),
  finishReason: z.string().nullable(),
  usage: z.object({
    inputTokens: z.number(),
    outputTokens: z.number(),
    cachedTokens: z.number(),
  }),
})
export type CachedResponse = z.infer<typeof cachedResponseSchema>

export function toCached(response: ChatResponse): CachedResponse {
  return {
    text: response.text,
    toolCalls: response.toolCalls,
    finishReason: response.finishReason,
    usage: response.usage,
  }
}

/** A stored answer that does not parse is treated as a miss: the call is made again. */
export function parseCached(text: string | null): CachedResponse | null {
  if (text === null) return null
  try {
    const parsed = cachedResponseSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
