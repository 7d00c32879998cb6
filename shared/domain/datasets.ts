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
