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

export const runModes = ['stream', 'batch'] as const
export const runModeSchema = z.enum(runModes)
export type RunMode = z.infer<typeof runModeSchema>

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
  /**
   * 'batch': the providers whose API has a Batch API (see shared/lib/batch-support.ts) get the run's calls as
   * batch jobs, at the batch price, answered within 24 hours; others are called as streamed calls.
   */
  mode: runModeSchema.default('stream'),
})
export type RunPlan = z.output<typeof runPlanSchema>

export const batchPriceSchema = z.object({
  inputPerMTok: z.number().nonnegative(),
  outputPerMTok: z.number().nonnegative(),
  cachedInputPerMTok: z.number().nonnegative().nullable(),
  source: z.enum(['table', 'published-discount', 'local']),
  /** The share of the streamed price charged, e.g. 0.5; null for table prices that are not a flat share. */
  discount: z.number().min(0).max(1).nullable(),
})
export type BatchPrice = z.infer<typeof batchPriceSchema>

/** Per-model list prices captured when the run was planned, USD per million tokens; null where unknown. */
export const modelPriceSchema = z.object({
  provider: z.string(),
  model: z.string(),
  inputPerMTok: z.number().nullable(),
  outputPerMTok: z.number().nullable(),
  cachedInputPerMTok: z.number().nullable(),
  /** 'override' is the user's own price from Settings; 'local' models cost nothing. */
  source: z.enum(['local', 'genai-prices', 'override', 'unknown']),
  /**
   * What a call through the provider's Batch API costs, USD per million tokens: the table's batch prices
   * where it has them ('table'), else the provider's published discount on the prices above
   * ('published-discount', 50 % for OpenAI and Anthropic). Null when the provider has no Batch API or the
   * model's price is unknown.
   */
  batch: batchPriceSchema.nullable().default(null),
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
  /** Null when a model of the plan has no known price; in the plan's own mode. */
  estimatedCostUsd: z.number().nullable(),
  /**
   * The same calls in the other mode, side by side: streamed and batch cost (null where a price is unknown;
   * the batch figure prices the providers without a Batch API as streamed, since they would be).
   */
  costByMode: z
    .object({ stream: z.number().nullable(), batch: z.number().nullable() })
    .default({ stream: null, batch: null }),
  /** Per provider of the plan: whether batch mode would send its calls as batch jobs, and if not why. */
  batchSupport: z
    .array(z.object({ provider: z.string(), supported: z.boolean(), reason: z.string() }))
    .default([]),
  /**
   * At the configured concurrency and rate limits, with each provider's time per call (see timeBasis), in the
   * plan's own mode: in batch mode only the calls still streamed (the batch jobs take up to batchWindowHours).
   */
  expectedSeconds: z.number().nonnegative(),
  /** Seconds of streamed calls in each mode (in batch mode: the providers without a Batch API). */
  timeByMode: z
    .object({ stream: z.number().nonnegative(), batch: z.number().nonnegative() })
    .default({ stream: 0, batch: 0 }),
  /** When a batch-mode run sends batch jobs: the providers answer within this many hours (24); else null. */
  batchWindowHours: z.number().positive().nullable().default(null),
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
  /**
   * Answered through the provider's Batch API: priced at the batch price, and without a latency of its own
   * (ttftMs and totalMs are null; screens show "batch" rather than the hours the job took).
   */
  batch: z.boolean().default(false),
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

/** The provider-side states of a batch job as Eval Lab tracks them. */
export const batchJobStates = [
  'preparing', // stored with its items, not yet sent (a crash here sends it on the next start)
  'submitted', // the provider has it; polled until it ends
  'ended', // the provider finished it; results being collected
  'collected', // every item is a result or queued for a later batch
  'cancelling',
  'cancelled',
  'failed', // the provider refused the whole job (its items are retried or recorded as errors)
] as const
export const batchJobStateSchema = z.enum(batchJobStates)
export type BatchJobState = z.infer<typeof batchJobStateSchema>

/** One batch job of a run, as the run screen lists them. */
export const runBatchJobSchema = z.object({
  id: idSchema,
  runId: idSchema,
  provider: z.string(),
  /** The provider's id for it (null before it is submitted). */
  remoteId: z.string().nullable(),
  state: batchJobStateSchema,
  /** The provider's own word for its status (e.g. in_progress, finalizing, ended), for the curious. */
  remoteStatus: z.string().nullable(),
  requests: z.number().int().nonnegative(),
  succeeded: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  expired: z.number().int().nonnegative(),
  /** 1 for a first submission, 2+ for a job that retries items a previous job failed or let expire. */
  attempt: z.number().int().positive(),
  createdAt: isoTimeSchema,
  submittedAt: isoTimeSchema.nullable(),
  endedAt: isoTimeSchema.nullable(),
  lastPolledAt: isoTimeSchema.nullable(),
  /** Why the provider refused or failed the job, when it did. */
  message: z.string().nullable(),
})
export type RunBatchJob = z.infer<typeof runBatchJobSchema>

/** "waiting for the provider (batch submitted 14:02, 1,200 / 2,000 done)". */
export const batchWaitSchema = z.object({
  jobs: z.number().int().nonnegative(),
  /** When the earliest pending job was submitted; null while jobs are still being prepared. */
  submittedAt: isoTimeSchema.nullable(),
  /** Items the pending jobs have finished so far, as the provider last reported. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  lastPolledAt: isoTimeSchema.nullable(),
})
export type BatchWait = z.infer<typeof batchWaitSchema>

export const runProgressSchema = z.object({
  runId: idSchema,
  status: runStatusSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  callsPerSecond: z.number().nonnegative(),
  spentUsd: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
  /** While batch jobs are out: what the run waits for. Null for a run with no batch job pending. */
  batch: batchWaitSchema.nullable().default(null),
})
export type RunProgress = z.infer<typeof runProgressSchema>
