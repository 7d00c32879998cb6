import { z } from 'zod'
import { workspaceScorecardSchema } from '../domain/scorecard'
import type { MethodSpec } from './methods'

/** The LLMOps maturity scorecard: read-only, assessed from nearly every table (so it declares no reads). */
export const scorecardMethods = {
  'scorecard.get': {
    input: z.object({}).strict(),
    output: workspaceScorecardSchema,
  },
} satisfies Record<string, MethodSpec>
