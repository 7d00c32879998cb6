import { z } from 'zod'
import { idSchema } from './ids'

/** The five steps of the first-run guide, in the order a new workspace takes them. */
export const firstStepIds = ['dataset', 'prompt', 'run', 'suite', 'baseline'] as const
export const firstStepIdSchema = z.enum(firstStepIds)
export type FirstStepId = z.infer<typeof firstStepIdSchema>

export const firstStepSchema = z.object({
  step: firstStepIdSchema,
  /** Read from what the workspace stores, never from what the user clicked. */
  done: z.boolean(),
  /** What was found ("2 datasets, the newest Support tickets"), or what is missing. */
  evidence: z.string(),
  /** The prompt the suite and baseline steps link to (one that has it, else the first); null for the others. */
  promptId: idSchema.nullable(),
})
export type FirstStep = z.infer<typeof firstStepSchema>

export const firstStepsSchema = z.object({
  steps: z.array(firstStepSchema).length(firstStepIds.length),
})
export type FirstSteps = z.infer<typeof firstStepsSchema>
