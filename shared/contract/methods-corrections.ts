import { correctExpectedInputSchema, expectedCorrectionSchema } from '../domain/corrections'
import type { MethodSpec } from './methods'

/** Corrections that reach the dataset: an expected value found wrong in a run's result, fixed in the working copy. */
export const correctionMethods = {
  /** Writes the corrected expected field to the working copy of the run's dataset, with who, why and the run. */
  'cases.correctExpected': {
    input: correctExpectedInputSchema,
    output: expectedCorrectionSchema,
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  },
} satisfies Record<string, MethodSpec>
