import { z } from 'zod'
import { modelParamsSchema, modelRefSchema, promptMessageSchema } from '../../../../shared/domain/prompts'

/** The shape of resources/demo/*.json; checked at seed time like any file that crosses into the core. */
export const demoPromptsSchema = z.array(
  z.object({
    key: z.string().min(1),
    name: z.string().min(1),
    description: z.string(),
    owner: z.string(),
    versions: z
      .array(
        z.object({
          author: z.string().min(1),
          message: z.string().min(1),
          createdAt: z.string().min(1),
          messages: z.array(promptMessageSchema).min(1),
          model: modelRefSchema,
          params: modelParamsSchema,
        }),
      )
      .min(1),
  }),
)

export const demoDatasetSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  cases: z
    .array(
      z.object({
        key: z.string().min(1),
        vars: z.record(z.string(), z.string()),
        expected: z.record(z.string(), z.unknown()),
        expectedOutput: z.string().nullable(),
        tags: z.array(z.string()),
        notes: z.string(),
      }),
    )
    .min(1),
})

export const demoRubricSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  criteria: z.array(z.record(z.string(), z.unknown())).min(1),
})
