import { z } from 'zod'
import { idSchema } from '../domain/ids'
import { runSummarySchema, scoreSchema } from '../domain/scoring'
import {
  runEstimateSchema,
  runPlanSchema,
  runResultFilterSchema,
  runResultPageSchema,
  runResultRowSchema,
  runBatchJobSchema,
  runSchema,
} from '../domain/runs'
import { resultKeySchema, resultRowPageSchema } from '../domain/result-rows'
import type { MethodSpec } from './methods'

const runId = z.object({ id: idSchema }).strict()
const runTables = ['runs', 'run_results', 'run_batch_jobs'] as const
const scoreTables = ['run_scores', 'score_calls', 'audit_log'] as const
/** The summary is computed from the results and their scores, the run's snapshot and the current suites. */
const summaryReads = [
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
] as const

/** Eval runs: planned, started in the background, controlled, and read back a page at a time. */
export const runMethods = {
  'runs.plan': {
    input: runPlanSchema.strict(),
    output: runEstimateSchema,
    writes: ['dataset_snapshots', 'audit_log'],
  },
  'runs.start': {
    input: runPlanSchema.extend({ name: z.string().trim().min(1).max(200) }).strict(),
    output: runSchema,
    writes: ['runs', 'dataset_snapshots', 'audit_log'],
  },
  'runs.list': { input: z.object({}).strict(), output: z.array(runSchema), reads: ['runs'] },
  'runs.get': { input: runId, output: runSchema, reads: ['runs'] },
  /** A batch-mode run's batch jobs, oldest first: what each waits for, its counts, the provider's ids. */
  'runs.batches': { input: runId, output: z.array(runBatchJobSchema), reads: ['runs', 'run_batch_jobs'] },
  'runs.cancel': { input: runId, output: runSchema, writes: runTables },
  'runs.pause': { input: runId, output: runSchema, writes: runTables },
  'runs.resume': { input: runId, output: runSchema, writes: runTables },
  'runs.results': {
    input: runResultFilterSchema
      .extend({
        runId: idSchema,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    output: runResultPageSchema,
    // Each result's case key comes from the run's (immutable) snapshot.
    reads: [...runTables, 'dataset_snapshot_cases', 'case_revisions'],
  },
  /**
   * The results grid's page: the same rows and filters as `runs.results`, with only the columns the grid
   * shows and a response preview (no request, params or attempt log), so a page is small and quick to check.
   */
  'runs.resultRows': {
    input: runResultFilterSchema
      .extend({
        runId: idSchema,
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: resultRowPageSchema,
    reads: [...runTables, 'dataset_snapshot_cases', 'case_revisions'],
  },
  /** One full result by its identity within the run (what a grid row opens); NOT_FOUND if it has none. */
  'runs.result': {
    input: resultKeySchema.strict(),
    output: runResultRowSchema,
    reads: [...runTables, 'dataset_snapshot_cases', 'case_revisions'],
  },
  /**
   * Every result of the run as one CSV or JSONL file (case, prompt version, model, output, current scores,
   * tokens, cost, latency, error): stable order and columns, so the same run exports the same bytes.
   */
  'runs.exportResults': {
    input: z.object({ runId: idSchema, format: z.enum(['csv', 'jsonl']) }).strict(),
    output: z.object({ fileName: z.string(), content: z.string(), resultCount: z.number().int() }),
  },
  /**
   * Scores every stored output of the run with the suite of each of its prompts: format and rule scorers at
   * once, judges through the providers (their calls and cost recorded). Never calls the evaluated model.
   */
  'runs.score': {
    input: z.object({ runId: idSchema }).strict(),
    output: runSummarySchema,
    writes: scoreTables,
  },
  'runs.summary': {
    input: z.object({ runId: idSchema }).strict(),
    output: runSummarySchema,
    reads: summaryReads,
  },
  'runs.scores': {
    input: z
      .object({
        runId: idSchema,
        caseId: idSchema.optional(),
        /** With provider and modelId: one result's scores (the result detail asks for them). */
        promptVersionId: idSchema.optional(),
        provider: z.string().optional(),
        modelId: z.string().optional(),
        metric: z.string().optional(),
        failedOnly: z.boolean().default(false),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({
      total: z.number().int().nonnegative(),
      /** `details`: the scorer's evidence, e.g. each promptfoo assertion's type, pass and reason. */
      scores: z.array(scoreSchema.extend({ details: z.record(z.string(), z.unknown()) })),
    }),
  },
} satisfies Record<string, MethodSpec>
