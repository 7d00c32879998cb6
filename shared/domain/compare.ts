import { z } from 'zod'
import { toolCallSchema } from './conversation'
import { idSchema } from './ids'
import { metricSummarySchema, sliceKeySchema } from './scoring'

/** One slice (prompt version × model) of one run: what the compare screen puts side by side. */
export const compareSliceSchema = sliceKeySchema.extend({ runId: idSchema })
export type CompareSlice = z.infer<typeof compareSliceSchema>

export const segmentCostSchema = z.object({
  tag: z.string(),
  n: z.number().int(),
  costPerInteractionUsd: z.number().nullable(),
  totalCostUsd: z.number(),
})

export const latencyHistogramSchema = z.object({
  binMs: z.number().positive(),
  counts: z.array(z.number().int().nonnegative()),
})
export type LatencyHistogram = z.infer<typeof latencyHistogramSchema>

export const compareSeriesSchema = compareSliceSchema.extend({
  /** e.g. "Ticket triage v4 · triage-sim-2026-03 (run March vs September)". */
  label: z.string(),
  promptId: idSchema,
  promptName: z.string(),
  versionNumber: z.number().int(),
  runName: z.string(),
  datasetSnapshotId: idSchema,
  results: z.number().int(),
  errors: z.number().int(),
  metrics: z.array(metricSummarySchema),
  byTag: z.array(z.object({ tag: z.string(), n: z.number().int(), metrics: z.array(metricSummarySchema) })),
  costPerInteractionUsd: z.number().nullable(),
  totalCostUsd: z.number(),
  costByTag: z.array(segmentCostSchema),
  latencyP50Ms: z.number().nullable(),
  latencyP95Ms: z.number().nullable(),
  /** Streamed answers the percentiles and histogram are over; batch answers (no latency) are counted apart. */
  latencyN: z.number().int().nonnegative().default(0),
  batchResults: z.number().int().nonnegative().default(0),
  /**
   * Answered calls (not failed, not from the cache) per latency bin, binned by the core: every series of one
   * compare.data answer shares the bins (from 0, `binMs` wide, the last one holding the slowest call), so
   * their shapes compare. Every call is counted, however large the run; only the counts cross the wire.
   */
  latencyHistogram: latencyHistogramSchema,
})
export type CompareSeries = z.infer<typeof compareSeriesSchema>

export const compareDataSchema = z.object({
  series: z.array(compareSeriesSchema),
  /** The prompt's P95 latency SLO (its suite's max_p95_latency_ms gate), when one is set. */
  latencySloMs: z.number().nullable(),
})
export type CompareData = z.infer<typeof compareDataSchema>

/** One case of two slices: outputs side by side and the per-metric change (candidate − baseline). */
/** One side's answer: its text, its error, and its tool calls (arguments as the exact text the model wrote). */
export const compareSideSchema = z.object({
  text: z.string().nullable(),
  error: z.string().nullable(),
  toolCalls: z.array(toolCallSchema).default([]),
})

export const compareCaseSchema = z.object({
  caseId: idSchema,
  caseKey: z.string().nullable(),
  tags: z.array(z.string()),
  baseline: compareSideSchema,
  candidate: compareSideSchema,
  /** Metric → { baseline, candidate } normalised scores (null = not scored). */
  scores: z.array(
    z.object({ metric: z.string(), baseline: z.number().nullable(), candidate: z.number().nullable() }),
  ),
  /** Sum of candidate − baseline over metrics scored on both sides; < 0 = regression. */
  change: z.number(),
})
export type CompareCase = z.infer<typeof compareCaseSchema>

export const compareCasesFilterSchema = z.enum(['all', 'regressions', 'improvements', 'changed'])

export const promptTrendSchema = z.object({
  promptId: idSchema,
  points: z.array(
    z.object({
      versionNumber: z.number().int(),
      runId: idSchema,
      runName: z.string(),
      provider: z.string(),
      modelId: z.string(),
      createdAt: z.string(),
      metrics: z.array(metricSummarySchema),
      costPerInteractionUsd: z.number().nullable(),
      latencyP95Ms: z.number().nullable(),
    }),
  ),
})
export type PromptTrend = z.infer<typeof promptTrendSchema>
