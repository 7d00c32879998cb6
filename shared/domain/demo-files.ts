import { z } from 'zod'
import { cannedToolResultsSchema, conversationSchema } from './conversation'
import { modelParamsSchema, modelRefSchema, promptMessageSchema } from './prompts'
import { gateRuleSchema } from './scoring'

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
        conversation: conversationSchema.optional(),
        toolResults: cannedToolResultsSchema.optional(),
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

/**
 * Eval suites by prompt key. Rubric ids are made at seed time, so judge and human scorers name their rubric
 * by key ("rubricKey"); the seed swaps in the id and checks the result against the contract's schema.
 */
export const demoSuitesSchema = z.array(
  z.object({
    prompt: z.string().min(1),
    author: z.string().min(1),
    createdAt: z.string().min(1),
    message: z.string().min(1),
    scorers: z.array(
      z.object({
        metric: z.string(),
        label: z.string(),
        config: z.record(z.string(), z.unknown()),
      }),
    ),
    gates: z.array(gateRuleSchema),
  }),
)
