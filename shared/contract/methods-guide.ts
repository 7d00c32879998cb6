import { z } from 'zod'
import { firstStepsSchema } from '../domain/guide'
import type { MethodSpec } from './methods'

/** The first-run guide: which of the five first steps the workspace has taken, from what it stores. */
export const guideMethods = {
  'guide.firstSteps': {
    input: z.object({}).strict(),
    output: firstStepsSchema,
    reads: [
      'baselines',
      'datasets',
      'dataset_cases',
      'dataset_snapshots',
      'eval_suites',
      'production_imports',
      'prompt_environments',
      'prompt_versions',
      'prompts',
      'runs',
    ],
  },
} satisfies Record<string, MethodSpec>
