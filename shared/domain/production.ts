import { z } from 'zod'
import { toolCallSchema } from './conversation'
import { idSchema, isoTimeSchema } from './ids'
import { intervalSchema } from './scoring'

// ── Log formats ────────────────────────────────────────────────────────────────────────────────────
/**
 * openai-log: one JSON object per line with the request (model, messages) and the chat.completion response;
 * langfuse: a Langfuse generations/observations export (JSONL or CSV); helicone: a Helicone requests export
 * (JSONL or CSV); generic: a flat CSV/JSONL with input/output columns. `auto` detects from the first records.
 */
export const productionFormatSchema = z.enum(['openai-log', 'langfuse', 'helicone', 'generic'])
export type ProductionFormat = z.infer<typeof productionFormatSchema>

/** One production call as imported (the sampled ones become cases of the prompt's production dataset). */
export const productionCallSchema = z.object({
  /** The call's id in the log (request id, observation id), else "row-<n>". */
  externalId: z.string(),
  at: isoTimeSchema,
  promptVersion: z.number().int().positive(),
  provider: z.string(),
  model: z.string(),
  /** The template variables when the log has them, else { input: <last user message> }. */
  vars: z.record(z.string(), z.string()),
  output: z.string().nullable(),
  /** The answer's tool calls, arguments as the exact text logged; empty when it called none. */
  toolCalls: z.array(toolCallSchema).default([]),
  error: z.string().nullable(),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  costUsd: z.number().nonnegative().nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  /** From the log's metadata/properties, e.g. "segment:enterprise", "channel:chat"; plus "lang:xx" detected. */
  tags: z.array(z.string()),
})
export type ProductionCall = z.infer<typeof productionCallSchema>

export const productionPreviewSchema = z.object({
  format: productionFormatSchema,
  fileName: z.string(),
  total: z.number().int().nonnegative(),
  /** Calls per prompt version number found in the log. */
  versions: z.array(z.object({ number: z.number().int().positive(), calls: z.number().int() })),
  periodStart: isoTimeSchema.nullable(),
  periodEnd: isoTimeSchema.nullable(),
  /** The first few calls as parsed, so the user can check the mapping before importing. */
  sample: z.array(productionCallSchema).max(10),
  /** How many calls the configured rate would sample. */
  wouldSample: z.number().int().nonnegative(),
})
export type ProductionPreview = z.infer<typeof productionPreviewSchema>

// ── Settings and thresholds ──────────────────────────────────────────────────────────────────────────
/** A scorer metric (e.g. format.json_schema) or one of the operational metrics. */
export const operationalMetrics = ['latency.p95_ms', 'cost.per_interaction_usd', 'error.rate'] as const

export const alertThresholdSchema = z
  .object({
    metric: z.string().min(1).max(80),
    /** min: alert when the value falls below; max: alert when it rises above. */
    direction: z.enum(['min', 'max']),
    /** On the metric's own unit: 0..1 for scores and rates, ms for latency, USD for cost. */
    value: z.number(),
  })
  .strict()
export type AlertThreshold = z.infer<typeof alertThresholdSchema>

export const productionSettingsSchema = z
  .object({
    promptId: idSchema,
    /** Share of imported calls that are scored (0 < rate ≤ 1), drawn reproducibly from the call id. */
    sampleRate: z.number().gt(0).max(1),
    seed: z.number().int().nonnegative(),
    thresholds: z.array(alertThresholdSchema).max(50),
  })
  .strict()
export type ProductionSettings = z.infer<typeof productionSettingsSchema>

// ── Imports and monitoring ────────────────────────────────────────────────────────────────────────────
export const productionImportSchema = z.object({
  id: idSchema,
  promptId: idSchema,
  fileName: z.string(),
  format: productionFormatSchema,
  importedAt: isoTimeSchema,
  importedBy: z.string(),
  total: z.number().int().nonnegative(),
  sampled: z.number().int().nonnegative(),
  sampleRate: z.number(),
  periodStart: isoTimeSchema.nullable(),
  periodEnd: isoTimeSchema.nullable(),
  /** The sampled calls as a completed run (results = the logged outputs), scored like any run. */
  runId: idSchema,
  datasetId: idSchema,
  /** Whether runs.score has been applied with the current suite. */
  scored: z.boolean(),
})
export type ProductionImport = z.infer<typeof productionImportSchema>

export const monitorValueSchema = z.object({
  value: z.number().nullable(),
  ci95: intervalSchema.nullable(),
  n: z.number().int().nonnegative(),
})

/** One point in time: an import's sampled calls (or a day of them). */
export const monitorPointSchema = z.object({
  importId: idSchema,
  label: z.string(),
  periodStart: isoTimeSchema.nullable(),
  periodEnd: isoTimeSchema.nullable(),
  n: z.number().int().nonnegative(),
  /** Metric → value (0..1 for scores; ms; USD), including the operational metrics. */
  metrics: z.record(z.string(), monitorValueSchema),
})
export type MonitorPoint = z.infer<typeof monitorPointSchema>

export const breachCaseSchema = z.object({
  caseId: idSchema,
  externalId: z.string(),
  input: z.string(),
  output: z.string().nullable(),
  value: z.number().nullable(),
  reason: z.string(),
})

export const alertScopeSchema = z.enum(['import', 'day'])

/**
 * A day of an import is judged only on this many results of the metric: fewer calls give a rate too noisy to
 * alert on (one failure in five is 80 %). The screen states the floor next to the thresholds.
 */
export const minDayAlertResults = 20
export type AlertScope = z.infer<typeof alertScopeSchema>

export const alertSchema = z.object({
  metric: z.string(),
  label: z.string(),
  threshold: alertThresholdSchema,
  importId: idSchema,
  value: z.number().nullable(),
  breached: z.boolean(),
  /** The cases that fail the metric in the breaching import (up to 100), worst first. */
  cases: z.array(breachCaseSchema),
  /**
   * What the value is the rate of: the whole latest import, or one day of it (a day breached while the
   * import as a whole did not: a bad day hides in a week's average).
   */
  scope: alertScopeSchema.default('import'),
  /** The import's period or the day, as the timeline labels it ("Nov 21"). */
  period: z.string().default(''),
  /** Results the value is over. */
  n: z.number().int().nonnegative().default(0),
})
export type Alert = z.infer<typeof alertSchema>

export const productionMonitorSchema = z.object({
  promptId: idSchema,
  settings: productionSettingsSchema,
  imports: z.array(productionImportSchema),
  /** Oldest first. */
  timeline: z.array(monitorPointSchema),
  /** One per threshold, on the latest scored import; breached first. */
  alerts: z.array(alertSchema),
  metricLabels: z.record(z.string(), z.string()),
  /** The rubric of the suite's first human scorer: what a review queue of a sample is preset to. */
  reviewRubricId: idSchema.nullable(),
  /**
   * The metrics production data can measure: the suite's that need no expected answer (a rule against an
   * expected field never scores a logged call), then the operational ones. Default thresholds use these.
   */
  measurable: z.array(z.string()).default([]),
})
export type ProductionMonitor = z.infer<typeof productionMonitorSchema>

// ── Drift ───────────────────────────────────────────────────────────────────────────────────────────
export const shareRowSchema = z.object({
  key: z.string(),
  datasetShare: z.number(),
  productionShare: z.number(),
})

export const unrepresentedCaseSchema = z.object({
  caseId: idSchema,
  externalId: z.string(),
  preview: z.string(),
  reasons: z.array(z.string()),
  tags: z.array(z.string()),
})
export type UnrepresentedCase = z.infer<typeof unrepresentedCaseSchema>

export const driftReportSchema = z.object({
  importId: idSchema,
  dataset: z.object({
    id: idSchema,
    name: z.string(),
    snapshotId: idSchema.nullable(),
    cases: z.number().int(),
  }),
  productionCalls: z.number().int().nonnegative(),
  /** Input length in characters: medians and a two-sample Kolmogorov–Smirnov test. */
  length: z.object({
    datasetMedian: z.number().nullable(),
    productionMedian: z.number().nullable(),
    ksStatistic: z.number(),
    pValue: z.number(),
    drifted: z.boolean(),
  }),
  /** Tag shares (segment, channel, …) with a chi-square test over the tag prefixes present. */
  tags: z.array(shareRowSchema.extend({ drifted: z.boolean() })),
  languages: z.array(shareRowSchema.extend({ drifted: z.boolean() })),
  drifted: z.boolean(),
  /** Plain sentences, e.g. "Spanish is 18 % of production but 4 % of the dataset". */
  findings: z.array(z.string()),
  unrepresented: z.array(unrepresentedCaseSchema),
})
export type DriftReport = z.infer<typeof driftReportSchema>

/** A breached threshold anywhere in the workspace: what the header shows on every screen. */
export const breachSummarySchema = z.object({
  promptId: idSchema,
  promptName: z.string(),
  importId: idSchema,
  metric: z.string(),
  label: z.string(),
  threshold: alertThresholdSchema,
  value: z.number().nullable(),
  cases: z.number().int().nonnegative(),
  scope: alertScopeSchema.default('import'),
  period: z.string().default(''),
})
export type BreachSummary = z.infer<typeof breachSummarySchema>
