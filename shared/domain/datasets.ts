import { z } from 'zod'
import { ownRecord } from '../lib/own-record'
import { idSchema, isoTimeSchema } from './ids'
import { cannedToolResultsSchema, conversationSchema } from './conversation'
import { expectedCorrectionSchema } from './corrections'

export const datasetSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  caseCount: z.number().int().nonnegative(),
  tagCounts: z.record(z.string(), z.number().int().nonnegative()),
  updatedAt: isoTimeSchema,
  snapshotCount: z.number().int().nonnegative().default(0),
  parentId: idSchema.nullable().default(null),
})
export type DatasetSummary = z.infer<typeof datasetSummarySchema>

export const datasetCaseSchema = z.object({
  id: idSchema,
  key: z.string(),
  vars: z.record(z.string(), z.string()),
  expected: z.record(z.string(), z.unknown()),
  expectedOutput: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  /** Conversation turns placed at the version's conversation placeholder; absent for a single-turn case. */
  conversation: conversationSchema.optional(),
  /** Canned tool results for the tool loop, by tool name; absent when the case supplies none. */
  toolResults: cannedToolResultsSchema.optional(),
})
export type DatasetCase = z.infer<typeof datasetCaseSchema>

export const datasetCasePageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  cases: z.array(datasetCaseSchema),
})
export type DatasetCasePage = z.infer<typeof datasetCasePageSchema>

/** The fields a PM edits on a case; the key is its stable id within the dataset. */
export const caseFieldsSchema = z.object({
  key: z.string().trim().min(1).max(200),
  vars: ownRecord(z.string().min(1).max(200), z.string()),
  expected: ownRecord(z.string().min(1).max(200), z.unknown()),
  expectedOutput: z.string().nullable(),
  tags: z.array(z.string().trim().min(1).max(200)),
  notes: z.string().max(20_000),
  conversation: conversationSchema.optional(),
  toolResults: cannedToolResultsSchema.optional(),
})
export type CaseFields = z.infer<typeof caseFieldsSchema>

/** The fields an edit changes; `null` removes a case's conversation or canned tool results. */
export const casePatchSchema = caseFieldsSchema.partial().extend({
  conversation: conversationSchema.nullable().optional(),
  toolResults: cannedToolResultsSchema.nullable().optional(),
})
export type CasePatch = z.infer<typeof casePatchSchema>

/** Runs always reference an immutable snapshot; editing the working copy afterwards makes the next one. */
export const datasetSnapshotSchema = z.object({
  id: idSchema,
  datasetId: idSchema,
  number: z.number().int().positive(),
  message: z.string(),
  createdAt: isoTimeSchema,
  createdBy: z.string(),
  caseCount: z.number().int().nonnegative(),
  contentHash: z.string(),
})
export type DatasetSnapshot = z.infer<typeof datasetSnapshotSchema>

export const datasetDetailSchema = z.object({
  dataset: datasetSummarySchema,
  /** Newest first. */
  snapshots: z.array(datasetSnapshotSchema),
  /** True when the working copy differs from the newest snapshot (or there is none). */
  changedSinceSnapshot: z.boolean(),
  parent: z.object({ id: idSchema, name: z.string() }).nullable(),
})
export type DatasetDetail = z.infer<typeof datasetDetailSchema>

export const caseChangeSchema = z.object({
  key: z.string(),
  before: datasetCaseSchema.omit({ id: true }).nullable(),
  after: datasetCaseSchema.omit({ id: true }).nullable(),
  /** Which parts changed, e.g. `vars.subject`, `tags`, `expected.priority`. */
  fields: z.array(z.string()),
  /** Expected values corrected from a run (who, why, which run) between the diff's two ends. */
  corrections: z.array(expectedCorrectionSchema).optional(),
})
export const snapshotDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  added: z.array(caseChangeSchema),
  removed: z.array(caseChangeSchema),
  edited: z.array(caseChangeSchema),
  unchanged: z.number().int().nonnegative(),
})
export type SnapshotDiff = z.infer<typeof snapshotDiffSchema>

export const duplicateGroupSchema = z.object({
  kind: z.enum(['exact', 'near']),
  /** Jaccard similarity of the cases' input text; 1 for exact duplicates. */
  similarity: z.number().min(0).max(1),
  cases: z.array(z.object({ id: idSchema, key: z.string() })).min(2),
})
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>
