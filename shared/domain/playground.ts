import { z } from 'zod'
import { idSchema } from './ids'
import { modelParamsSchema, modelRefSchema, promptMessageSchema } from './prompts'

/** The playground tries a prompt on at most this many cases and models at once: a taste, not a run. */
export const playgroundLimits = { cases: 5, models: 4 } as const

/** The cases to try: picked from a dataset's working copy, or variables typed for the occasion. */
export const playgroundCasesSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dataset'),
    datasetId: idSchema,
    caseIds: z
      .array(idSchema)
      .min(1, 'Pick at least one case')
      .max(playgroundLimits.cases, `Pick at most ${playgroundLimits.cases} cases`),
  }),
  z.object({
    kind: z.literal('typed'),
    vars: z
      .array(z.record(z.string(), z.string().max(100_000)))
      .min(1, 'Type the variables of at least one case')
      .max(playgroundLimits.cases, `Type at most ${playgroundLimits.cases} cases`),
  }),
])
export type PlaygroundCases = z.infer<typeof playgroundCasesSchema>

/**
 * Unsaved edits of the version: what the playground sends instead of the stored messages and params. A run
 * cannot reference it: "Save as run" saves it as a version first.
 */
export const playgroundDraftSchema = z.object({
  messages: z.array(promptMessageSchema).min(1, 'A prompt needs at least one message'),
  params: modelParamsSchema,
})
export type PlaygroundDraft = z.infer<typeof playgroundDraftSchema>

export const playgroundStartSchema = z.object({
  /** The version tried, or the version the draft started from. */
  promptVersionId: idSchema,
  draft: playgroundDraftSchema.optional(),
  cases: playgroundCasesSchema,
  models: z
    .array(modelRefSchema)
    .min(1, 'Choose at least one model')
    .max(playgroundLimits.models, `Choose at most ${playgroundLimits.models} models`),
})
export type PlaygroundStart = z.infer<typeof playgroundStartSchema>

/** One fast scorer's verdict on one answer (format, rule, code: never a judge). */
export const playgroundScoreSchema = z.object({
  metric: z.string(),
  kind: z.string(),
  value: z.number().min(0).max(1).nullable(),
  passed: z.boolean().nullable(),
  reason: z.string(),
})
export type PlaygroundScore = z.infer<typeof playgroundScoreSchema>

export const playgroundCellStatuses = ['queued', 'streaming', 'done', 'failed', 'cancelled'] as const

/** One case × one model: its answer as it streams in, then its tokens, cost, latency and scores. */
export const playgroundCellSchema = z.object({
  index: z.number().int().nonnegative(),
  caseKey: z.string(),
  model: modelRefSchema,
  status: z.enum(playgroundCellStatuses),
  text: z.string(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  /** Null when the model has no known price: shown as unknown, never as $0. */
  costUsd: z.number().nullable(),
  latencyMs: z.number().nullable(),
  /** Answered from the response cache (no call made, nothing spent). */
  cached: z.boolean(),
  error: z.string().nullable(),
  scores: z.array(playgroundScoreSchema),
})
export type PlaygroundCell = z.infer<typeof playgroundCellSchema>

export const playgroundSessionStatuses = ['running', 'done', 'cancelled'] as const

export const playgroundSessionSchema = z.object({
  id: idSchema,
  promptId: idSchema,
  promptVersionId: idSchema,
  /** True when it ran unsaved edits: saving it as a run saves them as a version first. */
  fromDraft: z.boolean(),
  status: z.enum(playgroundSessionStatuses),
  cells: z.array(playgroundCellSchema),
  /** The run it was saved as, once saved. */
  savedRunId: idSchema.nullable(),
})
export type PlaygroundSession = z.infer<typeof playgroundSessionSchema>

/** Streamed to the renderer: a piece of one answer (`delta`), or a cell or the session changed state. */
export const playgroundProgressSchema = z.object({
  sessionId: idSchema,
  index: z.number().int().nonnegative(),
  delta: z.string().optional(),
  cell: playgroundCellSchema.optional(),
  status: z.enum(playgroundSessionStatuses),
})
export type PlaygroundProgress = z.infer<typeof playgroundProgressSchema>
