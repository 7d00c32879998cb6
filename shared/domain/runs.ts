import { z } from 'zod'
import { datasetSnapshotSchema } from './datasets'
import { idSchema, isoTimeSchema } from './ids'
import { chatMessageSchema, toolCallSchema, toolStepSchema } from './conversation'
import { modelParamsSchema, modelRefSchema } from './prompts'
import { canaryPlanSchema, canaryStateSchema } from './scoring'

export const runStatuses = [
  'planned',
  'running',
  'paused',
  'cancelled',
  'completed',
  'failed',
  'interrupted',
] as const
export const runStatusSchema = z.enum(runStatuses)
export type RunStatus = z.infer<typeof runStatusSchema>

/** What a run is made of; stored with the run as its plan (never any provider key or URL). */
export const runPlanSchema = z.object({
  promptVersionIds: z.array(idSchema).min(1, 'Choose at least one prompt version').max(50),
  /**
   * A model is its provider and model id: the same model id through two providers (`local-llm/qwen2.5`,
   * `vllm-box/qwen2.5`) is two models with results of their own. Planning the exact same one twice is refused.
   */
  models: z.array(modelRefSchema).min(1, 'Choose at least one model').max(20),
  datasetId: idSchema,
  repeats: z.number().int().min(1).max(10).default(1),
  /** Concurrent calls per provider name; the provider's default when absent. */
  concurrency: z.record(z.string(), z.number().int().min(1).max(256)).optional(),
  /** Reuse stored answers to identical requests at temperature 0. */
  useCache: z.boolean().default(true),
  /** Run a random share of the cases first; stop early when the gate on that sample already fails. */
  canary: canaryPlanSchema.optional(),
})
export type RunPlan = z.output<typeof runPlanSchema>

/** Per-model list prices captured when the run was planned, USD per million tokens; null where unknown. */
export const modelPriceSchema = z.object({
  provider: z.string(),
  model: z.string(),
  inputPerMTok: z.number().nullable(),
  outputPerMTok: z.number().nullable(),
  cachedInputPerMTok: z.number().nullable(),
  /** 'override' is the user's own price from Settings; 'local' models cost nothing. */
  source: z.enum(['local', 'genai-prices', 'override', 'unknown']),
})
export type ModelPrice = z.infer<typeof modelPriceSchema>

/** What a provider's time per call was taken from: its recent answers in this workspace, or an assumption. */
export const timeBasisSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('observed'),
    provider: z.string(),
    calls: z.number().int().positive(),
    p50Ms: z.number().nonnegative(),
    meanMs: z.number().nonnegative(),
  }),
  z.object({ kind: z.literal('assumed'), provider: z.string(), secondsPerCall: z.number().positive() }),
])
export type TimeBasis = z.infer<typeof timeBasisSchema>

/**
 * What a prompt version × model's output length was taken from: recent answers of that version on that
 * model, else of that model with any prompt, else the version's max tokens (an upper bound) or a default.
 */
export const outputTokensBasisSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('observed'),
    promptVersionId: z.string(),
    provider: z.string(),
    model: z.string(),
    scope: z.enum(['version', 'model']),
    calls: z.number().int().positive(),
    meanTokens: z.number().nonnegative(),
  }),
  z.object({
    kind: z.literal('assumed'),
    promptVersionId: z.string(),
    provider: z.string(),
    model: z.string(),
    source: z.enum(['max_tokens', 'default']),
    tokensPerCall: z.number().nonnegative(),
  }),
])
export type OutputTokensBasis = z.infer<typeof outputTokensBasisSchema>

export const runEstimateSchema = z.object({
  calls: z.number().int().nonnegative(),
  estimatedInputTokens: z.number().int().nonnegative(),
  /** From observed output lengths where known, else assumed (see outputTokensBasis). */
  estimatedOutputTokens: z.number().nonnegative(),
  /** Null when a model of the plan has no known price. */
  estimatedCostUsd: z.number().nullable(),
  /** At the configured concurrency and rate limits, with each provider's time per call (see timeBasis). */
  expectedSeconds: z.number().nonnegative(),
  /** One per provider of the plan. */
  timeBasis: z.array(timeBasisSchema),
  /** One per prompt version × model of the plan. */
  outputTokensBasis: z.array(outputTokensBasisSchema),
  datasetSnapshot: datasetSnapshotSchema,
})
export type RunEstimate = z.infer<typeof runEstimateSchema>

export const runCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  cached: z.number().int().nonnegative(),
  spentUsd: z.number().nonnegative(),
})
export type RunCounts = z.infer<typeof runCountsSchema>

/**
 * Why a run failed, in a sentence that says what to do. 'key-refused': a provider refused its API key, so
 * nothing more was sent (a configuration problem, not a result); 'error': anything else, e.g. a write failed.
 */
export const runFailureSchema = z.object({
  kind: z.enum(['key-refused', 'error']),
  message: z.string(),
})
export type RunFailure = z.infer<typeof runFailureSchema>

export const runSchema = z.object({
  id: idSchema,
  name: z.string(),
  status: runStatusSchema,
  plan: runPlanSchema,
  datasetSnapshotId: idSchema,
  priceTable: z.array(modelPriceSchema),
  createdAt: isoTimeSchema,
  startedAt: isoTimeSchema.nullable(),
  finishedAt: isoTimeSchema.nullable(),
  createdBy: z.string(),
  counts: runCountsSchema,
  /** Null for a plain run. */
  canary: canaryStateSchema.nullable().default(null),
  /** Why the run failed (status 'failed'); null otherwise. */
  failure: runFailureSchema.nullable().default(null),
})
export type Run = z.infer<typeof runSchema>

export const renderedRequestSchema = z.object({
  /** Exactly as sent: conversation turns in place, and in a tool loop the first step's messages. */
  messages: z.array(chatMessageSchema),
  params: modelParamsSchema,
})

export const attemptSchema = z.object({
  attempt: z.number().int().positive(),
  startedAt: z.number(),
  endedAt: z.number(),
  outcome: z.string(),
  status: z.number().int().optional(),
  retryAfterMs: z.number().optional(),
  waitMs: z.number().optional(),
  /** Time spent waiting for a provider slot (concurrency, pacing, a rate-limit hold) before startedAt. */
  queuedMs: z.number().optional(),
  message: z.string().optional(),
})

export const runResultSchema = z.object({
  runId: idSchema,
  caseId: idSchema,
  promptVersionId: idSchema,
  promptHash: z.string(),
  provider: z.string(),
  modelId: z.string(),
  repeat: z.number().int().nonnegative(),
  params: modelParamsSchema,
  request: renderedRequestSchema,
  responseText: z.string().nullable(),
  finishReason: z.string().nullable(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  cachedTokens: z.number().int().nullable(),
  costUsd: z.number().nullable(),
  ttftMs: z.number().nullable(),
  totalMs: z.number().nullable(),
  attempts: z.number().int().nonnegative(),
  attemptLog: z.array(attemptSchema),
  errorKind: z.string().nullable(),
  errorMessage: z.string().nullable(),
  cached: z.boolean(),
  createdAt: isoTimeSchema,
  /** Every tool call of the answer, in order (all steps of a tool loop); empty when none. */
  toolCalls: z.array(toolCallSchema).default([]),
  /** Each model call of a tool loop (request, answer, tokens, cost, latency); null for a single call. */
  steps: z.array(toolStepSchema).nullable().default(null),
})
export type RunResult = z.infer<typeof runResultSchema>

export const runResultFilterSchema = z.object({
  caseId: idSchema.optional(),
  /** The case as its dataset names it (an imported `id` column, e.g. IR-07): what people see and type. */
  caseKey: z.string().trim().min(1).max(200).optional(),
  /** A model is its provider and model id: give both to narrow to one model (either alone narrows less). */
  provider: z.string().optional(),
  modelId: z.string().optional(),
  promptVersionId: idSchema.optional(),
  status: z.enum(['ok', 'error']).optional(),
})
export type RunResultFilter = z.infer<typeof runResultFilterSchema>

/**
 * A result as the results grid shows it: with its case's key, read from the run's dataset snapshot (null only
 * if the snapshot lacks the case, which a run's own results never do).
 */
export const runResultRowSchema = runResultSchema.extend({ caseKey: z.string().nullable() })
export type RunResultRow = z.infer<typeof runResultRowSchema>

export const runResultPageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  results: z.array(runResultRowSchema),
})
export type RunResultPage = z.infer<typeof runResultPageSchema>

export const runProgressSchema = z.object({
  runId: idSchema,
  status: runStatusSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  callsPerSecond: z.number().nonnegative(),
  spentUsd: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
})
export type RunProgress = z.infer<typeof runProgressSchema>
