import { z } from 'zod'
import { ownRecord } from '../lib/own-record'
import { idSchema, isoTimeSchema } from './ids'
import { modelRefSchema } from './prompts'

/** The tag every accepted generated case carries, so generated cases can be filtered, counted and audited. */
export const GENERATED_TAG = 'source:generated'

/** Most cases one generation request may ask for: a reviewable list, and one model answer's worth. */
export const maxGeneratedCases = 50

/** An existing case (or another draft) whose input is the same as, or nearly the same as, a draft's. */
export const draftDuplicateSchema = z.object({
  kind: z.enum(['exact', 'near']),
  similarity: z.number().min(0).max(1),
  /** A working case of the dataset, or another pending draft. */
  of: z.enum(['case', 'draft']),
  id: idSchema,
  /** The case's key; for a draft, "draft N" (its place in the list). */
  label: z.string(),
})
export type DraftDuplicate = z.infer<typeof draftDuplicateSchema>

/** A generated case waiting for review; its key is given when it is accepted. */
export const caseDraftSchema = z.object({
  id: idSchema,
  datasetId: idSchema,
  batchId: idSchema,
  segment: z.array(z.string()),
  model: modelRefSchema,
  vars: z.record(z.string(), z.string()),
  expected: z.record(z.string(), z.unknown()),
  expectedOutput: z.string().nullable(),
  tags: z.array(z.string()),
  notes: z.string(),
  createdAt: isoTimeSchema,
  /** Filled by `caseDrafts.list`: cases already in the dataset (or other drafts) this one repeats. */
  duplicates: z.array(draftDuplicateSchema),
})
export type CaseDraft = z.infer<typeof caseDraftSchema>

/** What a reviewer may change on a draft before accepting it. */
export const draftPatchSchema = z
  .object({
    vars: ownRecord(z.string().min(1).max(200), z.string()),
    expected: ownRecord(z.string().min(1).max(200), z.unknown()),
    expectedOutput: z.string().nullable(),
    tags: z.array(z.string().trim().min(1).max(200)),
    notes: z.string().max(20_000),
  })
  .partial()
export type DraftPatch = z.infer<typeof draftPatchSchema>

export const generationResultSchema = z.object({
  batchId: idSchema,
  asked: z.number().int().positive(),
  /** How many drafts the model wrote (at most `asked`). */
  received: z.number().int().nonnegative(),
  drafts: z.array(caseDraftSchema),
})
export type GenerationResult = z.infer<typeof generationResultSchema>
