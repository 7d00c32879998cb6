import { z } from 'zod'
import { expectedChangeSchema } from './corrections'
import { conversationTurnSchema } from './conversation'
import { idSchema, isoTimeSchema } from './ids'
import { rubricSchema } from './scoring'

export const reviewerSchema = z.object({ id: idSchema, name: z.string(), createdAt: isoTimeSchema })
export type Reviewer = z.infer<typeof reviewerSchema>

/** One slice of a run (prompt version × provider/model): a side of a pairwise queue. */
export const pairSideSchema = z.object({
  promptVersionId: idSchema,
  provider: z.string(),
  modelId: z.string(),
})
export type PairSide = z.infer<typeof pairSideSchema>

/** Which results of the run go into the queue. */
export const queueSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({
    kind: z.literal('sample'),
    n: z.number().int().min(1).max(10_000),
    seed: z.number().int().default(1),
  }),
  /** Results whose score on `metric` failed (value < 1), or any failing metric when absent. */
  z.object({ kind: z.literal('failing'), metric: z.string().optional() }),
  z.object({
    kind: z.literal('filter'),
    promptVersionId: idSchema.optional(),
    /** With modelId: one model. A queue made before providers were told apart has the model id alone. */
    provider: z.string().optional(),
    modelId: z.string().optional(),
    tag: z.string().optional(),
    caseIds: z.array(idSchema).max(10_000).optional(),
  }),
])
export type QueueSource = z.output<typeof queueSourceSchema>

export const queueModeSchema = z.enum(['single', 'pairwise'])

export const queueDraftSchema = z.object({
  name: z.string().trim().min(1).max(200),
  runId: idSchema,
  rubricId: idSchema,
  /** The rubric criteria to review; all of them when absent. */
  criterionKeys: z.array(z.string()).min(1).max(30).optional(),
  mode: queueModeSchema.default('single'),
  /** Pairwise: the two slices whose outputs are compared for each case. */
  pair: z.object({ a: pairSideSchema, b: pairSideSchema }).optional(),
  source: queueSourceSchema,
  reviewersPerItem: z.number().int().min(1).max(10).default(1),
  reviewerIds: z.array(idSchema).min(1, 'Assign at least one reviewer').max(50),
  /** Hide which model and prompt version produced the output (default on). */
  blind: z.boolean().default(true),
})
export type QueueDraft = z.output<typeof queueDraftSchema>

/** What a queue would hold before it is created: the items are cases × slices (one per case when pairwise). */
export const queuePreviewInputSchema = queueDraftSchema
  .pick({ runId: true, mode: true, pair: true, source: true })
  .strict()
export const queuePreviewSchema = z.object({
  items: z.number().int().nonnegative(),
  cases: z.number().int().nonnegative(),
  /** Distinct prompt version × model slices the items' outputs come from (2 for a pairwise queue). */
  slices: z.number().int().nonnegative(),
})
export type QueuePreview = z.infer<typeof queuePreviewSchema>

export const queueProgressSchema = z.object({
  reviewerId: idSchema,
  reviewerName: z.string(),
  assigned: z.number().int(),
  done: z.number().int(),
  skipped: z.number().int(),
})

export const queueSchema = z.object({
  id: idSchema,
  name: z.string(),
  runId: idSchema,
  rubric: rubricSchema,
  criterionKeys: z.array(z.string()),
  mode: queueModeSchema,
  blind: z.boolean(),
  reviewersPerItem: z.number().int(),
  items: z.number().int(),
  progress: z.array(queueProgressSchema),
  /** 'imported' for a queue that came from a review pack of another workspace. */
  origin: z.enum(['local', 'imported']),
  createdAt: isoTimeSchema,
  createdBy: z.string(),
})
export type Queue = z.infer<typeof queueSchema>

/**
 * A tool call as a reviewer sees it: the function's name and its arguments as the exact text the model wrote.
 * No call id: ids are minted by the provider (call_…, toolu_…) and would tell a blind reviewer who answered.
 */
export const reviewToolCallSchema = z.object({ name: z.string(), arguments: z.string() })
export type ReviewToolCall = z.infer<typeof reviewToolCallSchema>

/** A side of an item as the reviewer sees it: text only, no model or version when blind. */
export const reviewOutputSchema = z.object({
  /** 'a' / 'b' in pairwise mode (already randomised per reviewer), 'output' in single mode. */
  side: z.enum(['output', 'a', 'b']),
  text: z.string().nullable(),
  error: z.string().nullable(),
  /** The answer's tool calls, in order; empty when it called none. */
  toolCalls: z.array(reviewToolCallSchema).default([]),
  /** Null when the queue is blind. */
  promptVersionNumber: z.number().int().nullable(),
  provider: z.string().nullable(),
  modelId: z.string().nullable(),
})

export const criterionScoreSchema = z.object({
  criterionKey: z.string(),
  /** On the criterion's own scale: 1/0 for pass/fail, the likert number, the label index. */
  raw: z.number(),
  comment: z.string(),
})

export const reviewItemSchema = z.object({
  assignmentId: idSchema,
  queueId: idSchema,
  /** 1-based position in this reviewer's (randomised) order, and the total. */
  position: z.number().int(),
  total: z.number().int(),
  caseKey: z.string().nullable(),
  input: z.record(z.string(), z.unknown()),
  /** The case's conversation turns (as placed in the request); empty for a single-turn case. */
  conversation: z.array(conversationTurnSchema).default([]),
  expected: z.record(z.string(), z.unknown()),
  outputs: z.array(reviewOutputSchema),
  /** What this reviewer already entered (autosaved), for the single mode. */
  scores: z.array(criterionScoreSchema),
  /** Pairwise: this reviewer's preference, as seen on their sides. */
  preference: z.enum(['a', 'b', 'equal']).nullable(),
  status: z.enum(['pending', 'done', 'skipped']),
  skipReason: z.string().nullable(),
})
export type ReviewItem = z.infer<typeof reviewItemSchema>

export const agreementSchema = z.object({
  criterionKey: z.string(),
  criterionName: z.string(),
  /** Items scored by at least two reviewers. */
  items: z.number().int(),
  reviewers: z.number().int(),
  /** Cohen's κ when exactly two reviewers scored, else null. */
  cohensKappa: z.number().nullable(),
  /** Krippendorff's α (nominal for pass/fail and labels, ordinal for likert). */
  krippendorffAlpha: z.number().nullable(),
  /** Share of items where all reviewers gave the same score. */
  percentAgreement: z.number().nullable(),
})

export const disagreementSchema = z.object({
  itemId: idSchema,
  caseKey: z.string().nullable(),
  criterionKey: z.string(),
  scores: z.array(z.object({ reviewerName: z.string(), raw: z.number(), comment: z.string() })),
  adjudicated: z
    .object({
      raw: z.number(),
      by: z.string(),
      reason: z.string(),
      /** The expected value corrected in the dataset with this adjudication, if any. */
      corrected: expectedChangeSchema.optional(),
    })
    .nullable(),
  /** The case's expected values as the run saw them (what "update the expected value" starts from). */
  expected: z.record(z.string(), z.unknown()).default({}),
  /** False for an imported queue: its run and dataset live in another workspace. */
  correctable: z.boolean().default(false),
})

export const winRateSchema = z.object({
  a: pairSideSchema,
  b: pairSideSchema,
  judgments: z.number().int(),
  aWins: z.number().int(),
  bWins: z.number().int(),
  ties: z.number().int(),
  /** A's win rate with ties counted as half, and its 95 % Wilson interval. */
  winRateA: z.number().nullable(),
  ci95: z.object({ low: z.number(), high: z.number() }).nullable(),
})

export const calibrationSchema = z.object({
  criterionKey: z.string(),
  judgeMetric: z.string(),
  items: z.number().int(),
  /** Agreement between the LLM judge and the final human score on the same outputs. */
  cohensKappa: z.number().nullable(),
  krippendorffAlpha: z.number().nullable(),
  percentAgreement: z.number().nullable(),
})

export const queueReportSchema = z.object({
  queueId: idSchema,
  agreement: z.array(agreementSchema),
  disagreements: z.array(disagreementSchema),
  winRate: winRateSchema.nullable(),
  calibration: z.array(calibrationSchema),
})
export type QueueReport = z.infer<typeof queueReportSchema>
