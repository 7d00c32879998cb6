import { z } from 'zod'
import { compareSliceSchema } from '../domain/compare'
import { idSchema } from '../domain/ids'
import {
  pairwiseCaseFilterSchema,
  pairwiseCaseSchema,
  pairwiseComparisonSchema,
  pairwiseStartSchema,
} from '../domain/pairwise'
import type { MethodSpec } from './methods'

const pairwiseTables = ['pairwise_comparisons', 'pairwise_judgments'] as const
/** A comparison's labels come from the runs, prompts and rubric; its cases' outputs from the results. */
const pairwiseReads = [
  ...pairwiseTables,
  'runs',
  'run_results',
  'prompt_versions',
  'prompts',
  'prompt_environments',
  'rubrics',
  'dataset_snapshot_cases',
  'case_revisions',
] as const

/** The pairwise LLM judge: A vs B on one criterion, each case judged in both orders. */
export const pairwiseMethods = {
  /**
   * Starts judging in the background and returns at once. The same slices, criterion and judge again resume
   * the stored comparison: judged cases are skipped, failed judgments are asked again.
   */
  'pairwise.start': {
    input: pairwiseStartSchema.strict(),
    output: pairwiseComparisonSchema,
    writes: [...pairwiseTables, 'audit_log'],
  },
  /** Stops the judge calls; what is judged stays, and starting again resumes. */
  'pairwise.cancel': {
    input: z.object({ id: idSchema }).strict(),
    output: pairwiseComparisonSchema,
    writes: [...pairwiseTables],
  },
  'pairwise.get': {
    input: z.object({ id: idSchema }).strict(),
    output: pairwiseComparisonSchema,
    reads: pairwiseReads,
  },
  /** The comparisons of these two slices (either way round), newest first. */
  'pairwise.list': {
    input: z.object({ a: compareSliceSchema, b: compareSliceSchema }).strict(),
    output: z.array(pairwiseComparisonSchema),
    reads: pairwiseReads,
  },
  /** The comparison's cases in dataset order with both outputs and both judgments, a page at a time. */
  'pairwise.cases': {
    input: z
      .object({
        id: idSchema,
        filter: pairwiseCaseFilterSchema.default('all'),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), cases: z.array(pairwiseCaseSchema) }),
    reads: pairwiseReads,
  },
} satisfies Record<string, MethodSpec>
