import { z } from 'zod'
import {
  correctExpectedInputSchema,
  correctionTargetSchema,
  expectedCorrectionSchema,
} from '../domain/corrections'
import { idSchema } from '../domain/ids'
import type { MethodSpec } from './methods'

/** Corrections that reach the dataset: an expected value found wrong in a run's result, fixed in the working copy. */
export const correctionMethods = {
  /** Writes the corrected expected field to the working copy of the run's dataset, with who, why and the run. */
  'cases.correctExpected': {
    input: correctExpectedInputSchema,
    output: expectedCorrectionSchema,
    writes: ['datasets', 'dataset_cases', 'audit_log'],
  },
  /** A run's case as the run saw it and as the working copy has it now (null when deleted since). */
  'cases.correctionTarget': {
    input: z.object({ runId: idSchema, caseId: idSchema }).strict(),
    output: correctionTargetSchema,
    reads: [
      'runs',
      'datasets',
      'dataset_cases',
      'dataset_snapshots',
      'dataset_snapshot_cases',
      'case_revisions',
    ],
  },
} satisfies Record<string, MethodSpec>
