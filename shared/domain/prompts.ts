import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'
import { environmentPointerSchema } from './environments'
import { toolChoiceSchema, toolDefinitionSchema } from './conversation'

/**
 * 'conversation' is the placeholder where a case's conversation turns go (its content is ignored and kept
 * empty); a version without one sends a conversation case's turns after all of its own messages.
 */
export const messageRoles = ['system', 'user', 'assistant', 'conversation'] as const
export const promptMessageSchema = z.object({
  role: z.enum(messageRoles),
  content: z.string(),
})
export type PromptMessage = z.infer<typeof promptMessageSchema>

export const modelRefSchema = z.object({
  provider: z.string().min(1).max(64),
  model: z.string().min(1).max(200),
})
export type ModelRef = z.infer<typeof modelRefSchema>

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    name: z.string().min(1),
    schema: z.record(z.string(), z.unknown()),
  }),
])

export const modelParamsSchema = z.object({
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().optional(),
  topP: z.number().min(0).max(1).optional(),
  seed: z.number().int().optional(),
  responseFormat: responseFormatSchema.optional(),
  /** Tools offered to the model (absent: none). Part of the content hash like every parameter. */
  tools: z.array(toolDefinitionSchema).max(128).optional(),
  toolChoice: toolChoiceSchema.optional(),
  /**
   * The most model calls one case may take when the case supplies canned tool results (the tool loop);
   * absent or 1: one call, tool calls are recorded but not answered.
   */
  maxToolSteps: z.number().int().min(1).max(20).optional(),
})
export type ModelParams = z.infer<typeof modelParamsSchema>

export const versionSummarySchema = z.object({
  id: idSchema,
  number: z.number().int().positive(),
  author: z.string(),
  message: z.string(),
  createdAt: isoTimeSchema,
  contentHash: z.string(),
})
export type VersionSummary = z.infer<typeof versionSummarySchema>

export const promptVersionSchema = versionSummarySchema.extend({
  promptId: idSchema,
  messages: z.array(promptMessageSchema),
  model: modelRefSchema,
  params: modelParamsSchema,
})
export type PromptVersion = z.infer<typeof promptVersionSchema>

export const promptSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  owner: z.string(),
  versionCount: z.number().int().nonnegative(),
  latest: versionSummarySchema.nullable(),
  /** Version numbers that staging and prod point at, or null where nothing was promoted yet. */
  environments: z.object({
    staging: z.number().int().positive().nullable(),
    prod: z.number().int().positive().nullable(),
  }),
  updatedAt: isoTimeSchema,
})
export type PromptSummary = z.infer<typeof promptSummarySchema>

export const promptDetailSchema = z.object({
  prompt: promptSummarySchema,
  version: promptVersionSchema,
  versions: z.array(versionSummarySchema),
  environments: z.array(environmentPointerSchema),
})
export type PromptDetail = z.infer<typeof promptDetailSchema>

/** What is hashed: the parts of a version that change model behaviour, never who or when. */
export function versionContent(v: Pick<PromptVersion, 'messages' | 'model' | 'params'>): unknown {
  return { messages: v.messages, model: v.model, params: v.params }
}
