import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'

/** An expected field's name: a key of the case's `expected` record. */
export const expectedFieldSchema = z.string().trim().min(1).max(200)

/** Where a correction was decided: a review queue's adjudication, or a run result's detail. */
export const correctionOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('review'), queueId: idSchema, itemId: idSchema }),
  z.object({ kind: z.literal('result') }),
])
export type CorrectionOrigin = z.infer<typeof correctionOriginSchema>

/** The new value of one expected field of the case a run result came from. */
export const expectedChangeSchema = z.object({ field: expectedFieldSchema, value: z.json() }).strict()
export type ExpectedChange = z.infer<typeof expectedChangeSchema>

/**
 * One corrected expected value, as its audit entry records it (the audit log is the store: append-only,
 * with who and when). `snapshotNumber` is the dataset's newest snapshot when it was made (0 for none), so a
 * snapshot diff lists exactly the corrections made between its two ends.
 */
export const expectedCorrectionSchema = z.object({
  caseId: idSchema,
  key: z.string(),
  field: z.string(),
  /** Absent when the case had no such expected field. */
  before: z.json().optional(),
  after: z.json(),
  reason: z.string(),
  runId: idSchema,
  runName: z.string(),
  origin: correctionOriginSchema,
  snapshotNumber: z.number().int().nonnegative(),
  by: z.string(),
  at: isoTimeSchema,
})
export type ExpectedCorrection = z.infer<typeof expectedCorrectionSchema>

export const correctExpectedInputSchema = z
  .object({
    runId: idSchema,
    caseId: idSchema,
    field: expectedFieldSchema,
    value: z.json(),
    reason: z.string().trim().min(1, 'Say why the expected value is wrong').max(1000),
  })
  .strict()
export type CorrectExpectedInput = z.infer<typeof correctExpectedInputSchema>

/** What "update the expected value" starts from: the case as the run saw it, and as the working copy has it. */
export const correctionTargetSchema = z.object({
  datasetId: idSchema,
  datasetName: z.string(),
  caseKey: z.string(),
  /** The run's copy of the case's expected values. */
  expected: z.record(z.string(), z.unknown()),
  /** The working copy's expected values; null when the case was deleted since the run. */
  working: z.record(z.string(), z.unknown()).nullable(),
})
export type CorrectionTarget = z.infer<typeof correctionTargetSchema>
