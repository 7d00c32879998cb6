import { z } from 'zod'
import { idSchema } from '../domain/ids'
import {
  compareCaseSchema,
  compareCasesFilterSchema,
  compareDataSchema,
  compareSliceSchema,
  promptTrendSchema,
} from '../domain/compare'
import type { MethodSpec } from './methods'

/** Compare reads what the summary reads (results, scores, suites, the snapshot) plus the prompts. */
const compareReads = [
  'runs',
  'run_results',
  'run_scores',
  'score_calls',
  // Totals that triggers (migration 0013) keep in the transaction that writes the rows above. Writers declare
  // those rows, not the totals: the row tables stay listed so a summary is refetched when its rows change.
  'run_result_totals',
  'run_score_totals',
  'run_judge_totals',
  'dataset_snapshot_cases',
  'case_revisions',
  'eval_suites',
  'rubrics',
  'prompt_versions',
  'prompts',
  'prompt_environments',
] as const

/** The compare screen: series for the charts, case-by-case outputs, and a prompt's metrics across versions. */
export const compareMethods = {
  'compare.data': {
    input: z.object({ slices: z.array(compareSliceSchema).min(1).max(12) }).strict(),
    output: compareDataSchema,
    reads: compareReads,
  },
  'compare.cases': {
    input: z
      .object({
        baseline: compareSliceSchema,
        candidate: compareSliceSchema,
        filter: compareCasesFilterSchema.default('all'),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), cases: z.array(compareCaseSchema) }),
    reads: compareReads,
  },
  'compare.promptTrend': {
    input: z.object({ promptId: idSchema }).strict(),
    output: promptTrendSchema,
    reads: compareReads,
  },
} satisfies Record<string, MethodSpec>
