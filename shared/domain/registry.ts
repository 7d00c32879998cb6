import { z } from 'zod'
import { chatMessageSchema } from './conversation'
import { idSchema, isoTimeSchema } from './ids'
import { environmentSchema } from './environments'
import { modelParamsSchema, modelRefSchema, promptMessageSchema } from './prompts'

export * from './environments'

export const historyActions = [
  'prompt.created',
  'prompt.updated',
  'version.created',
  'version.imported',
  'approval.recorded',
  'env.promoted',
  'env.rolled_back',
] as const
export const historyEntrySchema = z.object({
  id: z.number().int(),
  at: isoTimeSchema,
  actor: z.string(),
  action: z.enum(historyActions),
  versionNumber: z.number().int().positive().nullable(),
  /** For promotions and rollbacks: the version the environment pointed at before. */
  fromVersionNumber: z.number().int().positive().nullable(),
  env: environmentSchema.nullable(),
  /** Commit message, promotion reason, approval comment or rollback reason. */
  text: z.string(),
})
export type HistoryEntry = z.infer<typeof historyEntrySchema>

export const approvalSchema = z.object({
  id: idSchema,
  promptId: idSchema,
  versionId: idSchema,
  versionNumber: z.number().int().positive(),
  env: environmentSchema,
  approver: z.string(),
  comment: z.string(),
  createdAt: isoTimeSchema,
})
export type Approval = z.infer<typeof approvalSchema>

/** One condition a promotion must meet; later issues add eval gates beside the approval. */
export const gateRequirementSchema = z.object({
  key: z.string(),
  label: z.string(),
  satisfied: z.boolean(),
  detail: z.string(),
  /** An unmet overridable requirement (the eval gate) may be overridden with a recorded reason. */
  overridable: z.boolean().default(false),
})
export const gateCheckSchema = z.object({
  env: environmentSchema,
  versionId: idSchema,
  allowed: z.boolean(),
  requirements: z.array(gateRequirementSchema),
})
export type GateCheck = z.infer<typeof gateCheckSchema>

export const templateIssueSchema = z.object({
  messageIndex: z.number().int().nonnegative(),
  message: z.string(),
})

export const previewSchema = z.object({
  /** Exactly as they would be sent: a conversation case's turns in place of the placeholder. */
  messages: z.array(chatMessageSchema),
  variables: z.array(z.string()),
  missing: z.array(z.string()),
  unused: z.array(z.string()),
  errors: z.array(templateIssueSchema),
  tokens: z.object({ input: z.number().int().nonnegative(), exact: z.boolean(), encoding: z.string() }),
  cost: z.object({
    perCallUsd: z.number().nullable(),
    assumedOutputTokens: z.number().int().nonnegative(),
    note: z.string(),
  }),
})
export type Preview = z.infer<typeof previewSchema>

/** The file a team's application loads: everything that defines the version's behaviour, and its identity. */
export const promptVersionFileSchema = z.object({
  format: z.literal('evallab.prompt-version'),
  formatVersion: z.literal(1),
  prompt: z.object({ name: z.string().min(1), description: z.string() }),
  version: z.object({
    id: idSchema,
    number: z.number().int().positive(),
    contentHash: z.string(),
    messages: z.array(promptMessageSchema).min(1),
    model: modelRefSchema,
    params: modelParamsSchema,
    author: z.string(),
    message: z.string(),
    createdAt: isoTimeSchema,
  }),
})
export type PromptVersionFile = z.infer<typeof promptVersionFileSchema>

export const importTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('new'),
    name: z.string().trim().min(1).max(120),
    model: modelRefSchema.optional(),
  }),
  z.object({ kind: z.literal('existing'), promptId: idSchema, baseVersionId: idSchema }),
])
