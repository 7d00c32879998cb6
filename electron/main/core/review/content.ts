import { z } from 'zod'
import { conversationTurnSchema } from '../../../../shared/domain/conversation'
import { queueSourceSchema, reviewToolCallSchema } from '../../../../shared/domain/review'
import { parseJsonColumn } from '../db/repos/json'
import type { ItemRecord, QueueRecord } from '../db/repos/review-queues'

/** A result under review, as stored on the item: enough to find its run_scores rows again. */
export const itemResultSchema = z.object({
  promptVersionId: z.string(),
  provider: z.string(),
  modelId: z.string(),
  repeat: z.number().int().nonnegative(),
})
export type ItemResult = z.infer<typeof itemResultSchema>

/**
 * What the reviewer sees, snapshotted when the queue is made: an imported queue has no run behind it, and
 * a later change to the dataset must not change what was reviewed. Outputs are in queue order (a, b).
 */
export const itemContentSchema = z.object({
  caseKey: z.string().nullable(),
  input: z.record(z.string(), z.unknown()),
  // Empty in items snapshotted before conversations and tool calls (and in packs written then).
  conversation: z.array(conversationTurnSchema).default([]),
  expected: z.record(z.string(), z.unknown()),
  outputs: z.array(
    z.object({
      text: z.string().nullable(),
      error: z.string().nullable(),
      toolCalls: z.array(reviewToolCallSchema).default([]),
      // Absent in a blind pack: the other workspace must not learn what the reviewer may not see.
      promptVersionNumber: z.number().int().nullable().default(null),
      // Null in items snapshotted before providers were told apart, as in a blind pack.
      provider: z.string().nullable().default(null),
      modelId: z.string().nullable().default(null),
    }),
  ),
})
export type ItemContent = z.output<typeof itemContentSchema>

/** The draft parts a queue keeps in `definition`; every field optional so an imported queue's record parses. */
export const queueDefinitionSchema = z.object({
  criterionKeys: z.array(z.string()).optional(),
  source: queueSourceSchema.optional(),
  // The provider is absent only in a pack exported before providers were told apart; importing one fills it
  // from the pack's items (migration 0011 did the same for this workspace's own queues).
  pair: z
    .object({
      a: z.object({ promptVersionId: z.string(), provider: z.string().optional(), modelId: z.string() }),
      b: z.object({ promptVersionId: z.string(), provider: z.string().optional(), modelId: z.string() }),
    })
    .optional(),
})
export type QueueDefinition = z.output<typeof queueDefinitionSchema>

export const parseDefinition = (q: QueueRecord): QueueDefinition =>
  parseJsonColumn(queueDefinitionSchema, q.definition, `review queue ${q.id}`)

export const parseContent = (item: ItemRecord): ItemContent =>
  parseJsonColumn(itemContentSchema, item.content, `review item ${item.id}`)

export const parseResults = (item: ItemRecord): ItemResult[] =>
  parseJsonColumn(z.array(itemResultSchema), item.results, `review item ${item.id}`)
