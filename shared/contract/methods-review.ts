import { z } from 'zod'
import { idSchema } from '../domain/ids'
import {
  criterionScoreSchema,
  queueDraftSchema,
  queuePreviewInputSchema,
  queuePreviewSchema,
  queueReportSchema,
  queueSchema,
  reviewerSchema,
  reviewItemSchema,
} from '../domain/review'
import { expectedChangeSchema } from '../domain/corrections'
import type { MethodSpec } from './methods'

const queueRef = z.object({ queueId: idSchema }).strict()
const reviewTables = ['review_assignments', 'review_scores', 'run_scores', 'audit_log'] as const
/** A queue lists its rubric, its items' assignments and its reviewers' progress. */
const queueReads = ['review_queues', 'review_items', 'review_assignments', 'reviewers', 'rubrics'] as const
const packFile = z.object({ fileName: z.string(), content: z.string() })

/** Human review: reviewer profiles, queues, scoring one item at a time, agreement, adjudication, packs. */
export const reviewMethods = {
  'reviewers.list': { input: z.object({}).strict(), output: z.array(reviewerSchema), reads: ['reviewers'] },
  'reviewers.create': {
    input: z.object({ name: z.string().trim().min(1).max(100) }).strict(),
    output: reviewerSchema,
    writes: ['reviewers', 'audit_log'],
  },
  'queues.create': {
    input: queueDraftSchema,
    output: queueSchema,
    writes: ['review_queues', 'review_items', 'review_assignments', 'audit_log'],
  },
  /** How many items a draft's selection makes (cases × slices), before the queue is created. */
  'queues.preview': {
    input: queuePreviewInputSchema,
    output: queuePreviewSchema,
    reads: [
      'runs',
      'run_results',
      'run_scores',
      'dataset_snapshots',
      'dataset_snapshot_cases',
      'case_revisions',
    ],
  },
  'queues.list': { input: z.object({}).strict(), output: z.array(queueSchema), reads: queueReads },
  'queues.get': { input: queueRef, output: queueSchema },
  /** The reviewer's next pending item in their own randomised order (or the one at `position`); null when done. */
  'review.item': {
    input: z
      .object({ queueId: idSchema, reviewerId: idSchema, position: z.number().int().positive().optional() })
      .strict(),
    output: reviewItemSchema.nullable(),
  },
  /** Autosave: one criterion score (or a pairwise preference) of an assignment; marks it done when complete. */
  'review.score': {
    input: z
      .object({
        assignmentId: idSchema,
        score: criterionScoreSchema.optional(),
        preference: z.enum(['a', 'b', 'equal']).optional(),
      })
      .strict(),
    output: reviewItemSchema,
    writes: reviewTables,
  },
  'review.skip': {
    input: z.object({ assignmentId: idSchema, reason: z.string().trim().min(1).max(500) }).strict(),
    output: reviewItemSchema,
    writes: reviewTables,
  },
  /** Takes back the reviewer's last change on this queue (score, preference or skip). */
  'review.undo': {
    input: z.object({ queueId: idSchema, reviewerId: idSchema }).strict(),
    output: reviewItemSchema.nullable(),
    writes: reviewTables,
  },
  /** Agreement per criterion (κ, α), disagreements, pairwise win rate, judge calibration. */
  'queues.report': {
    input: queueRef,
    output: queueReportSchema,
    /** Judge calibration compares with the run's judge scores under the prompt's current suite. */
    reads: [
      ...queueReads,
      'review_scores',
      'review_adjudications',
      'run_scores',
      'runs',
      'prompt_versions',
      'eval_suites',
      // An adjudication's corrected expected value is read from its audit entry.
      'audit_log',
    ],
  },
  'queues.adjudicate': {
    input: z
      .object({
        queueId: idSchema,
        itemId: idSchema,
        criterionKey: z.string(),
        raw: z.number(),
        reason: z.string().trim().min(1).max(1000),
        /** "Update the expected value": the case's corrected expected field, written to the dataset. */
        expected: expectedChangeSchema.optional(),
      })
      .strict(),
    output: queueReportSchema,
    writes: ['review_adjudications', 'run_scores', 'audit_log', 'datasets', 'dataset_cases'],
  },
  /** A file a reviewer on another machine imports: the items (blind as the queue), rubric and assignments. */
  'queues.exportPack': { input: queueRef, output: packFile },
  'queues.importPack': {
    input: z.object({ content: z.string().max(50_000_000) }).strict(),
    output: queueSchema,
    writes: ['review_queues', 'review_items', 'review_assignments', 'reviewers', 'audit_log'],
  },
  /** The scores entered in this workspace for a queue, to send back to the queue's owner. */
  'queues.exportScores': { input: queueRef, output: packFile },
  /** The queue's scores for a spreadsheet: one CSV row per assignment and rubric criterion. */
  'queues.exportScoresCsv': {
    input: queueRef,
    output: packFile.extend({ rowCount: z.number().int() }),
  },
  /** Merges returned scores: never a duplicate, never a lost score (the newer edit of the same score wins). */
  'queues.importScores': {
    input: z.object({ content: z.string().max(50_000_000) }).strict(),
    output: z.object({
      queue: queueSchema,
      added: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
    }),
    writes: reviewTables,
  },
} satisfies Record<string, MethodSpec>
