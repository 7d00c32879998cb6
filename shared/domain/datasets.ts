import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'

export const datasetSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  caseCount: z.number().int().nonnegative(),
  tagCounts: z.record(z.string(), z.number().int().nonnegative()),
  updatedAt: isoTimeSchema,
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
})
export type DatasetCase = z.infer<typeof datasetCaseSchema>

export const datasetCasePageSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  cases: z.array(datasetCaseSchema),
})
export type DatasetCasePage = z.infer<typeof datasetCasePageSchema>
