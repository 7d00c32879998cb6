import { z } from 'zod'
import { idSchema, isoTimeSchema } from './ids'

/** `staging` and `prod` each point at one version; every other version is a draft. */
export const environmentNames = ['staging', 'prod'] as const
export const environmentSchema = z.enum(environmentNames)
export type Environment = z.infer<typeof environmentSchema>

export const environmentPointerSchema = z.object({
  env: environmentSchema,
  versionId: idSchema,
  versionNumber: z.number().int().positive(),
  updatedAt: isoTimeSchema,
  updatedBy: z.string(),
})
export type EnvironmentPointer = z.infer<typeof environmentPointerSchema>
