import { z } from 'zod'
import { idSchema } from './ids'

/** How much of a response (or error message) a grid row carries: the grid shows its first ~80 characters. */
export const resultPreviewChars = 240

/**
 * A result as one line of the results grid: only the columns the grid shows, so a page of 200 is small on
 * the wire and cheap to validate. The full result (request, params, attempt log) is read one at a time.
 */
export const resultRowSchema = z.object({
  runId: idSchema,
  caseId: idSchema,
  /** The case as the run's dataset snapshot names it (null only if the snapshot lacks the case). */
  caseKey: z.string().nullable(),
  promptVersionId: idSchema,
  provider: z.string(),
  modelId: z.string(),
  repeat: z.number().int().nonnegative(),
  inputTokens: z.number().int().nullable(),
  outputTokens: z.number().int().nullable(),
  costUsd: z.number().nullable(),
  totalMs: z.number().nullable(),
  attempts: z.number().int().nonnegative(),
  errorKind: z.string().nullable(),
  cached: z.boolean(),
  /** Answered through a Batch API: no latency of its own (the grid shows "batch"). */
  batch: z.boolean().default(false),
  /**
   * The error message of a failed call, else the response: its first `resultPreviewChars` characters. An
   * answer with tool calls and no text gets its calls on one line (`→ route_ticket {"queue":"billing"}`).
   */
  preview: z.string().nullable(),
})
export type ResultRow = z.infer<typeof resultRowSchema>

export const resultRowPageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  results: z.array(resultRowSchema),
})
export type ResultRowPage = z.infer<typeof resultRowPageSchema>

/** One result's identity within its run: what a grid row names to fetch the full result. */
export const resultKeySchema = z.object({
  runId: idSchema,
  caseId: idSchema,
  promptVersionId: idSchema,
  provider: z.string().min(1),
  modelId: z.string().min(1),
  repeat: z.number().int().nonnegative(),
})
export type ResultKeyInput = z.infer<typeof resultKeySchema>
