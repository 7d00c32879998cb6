import { z } from 'zod'
import { idSchema } from '../domain/ids'
import {
  baselineSchema,
  evalSuiteDraftSchema,
  evalSuiteSchema,
  gateResultSchema,
  rubricDraftSchema,
  rubricSchema,
  runSummarySchema,
  scoreSchema,
  sliceKeySchema,
} from '../domain/scoring'
import type { MethodSpec } from './methods'

const promptRef = z.object({ promptId: idSchema }).strict()
const scoreTables = ['run_scores', 'score_calls', 'audit_log'] as const
/** A prompt's baselines and gates are read through its versions (and the prompt must exist). */
const promptReads = ['prompts', 'prompt_versions', 'prompt_environments'] as const
/** The summary is computed from the results and their scores, the run's snapshot and the current suites. */
const summaryReads = [
  'runs',
  'run_results',
  'run_scores',
  'score_calls',
  'dataset_snapshot_cases',
  'case_revisions',
  'eval_suites',
  'rubrics',
  'prompt_versions',
] as const

/** Rubrics, eval suites (scorers + gate rules), scoring runs, baselines and gates. */
export const scoringMethods = {
  'rubrics.list': { input: z.object({}).strict(), output: z.array(rubricSchema), reads: ['rubrics'] },
  /** Saves a new version when the rubric with this key changed; returns the latest version. */
  'rubrics.save': {
    input: rubricDraftSchema.strict(),
    output: rubricSchema,
    writes: ['rubrics', 'audit_log'],
  },
  /** The prompt's latest suite; version 0 (nothing stored) has the default format and rule scorers. */
  'suites.get': { input: promptRef, output: evalSuiteSchema, reads: [...promptReads, 'eval_suites'] },
  'suites.save': {
    input: z
      .object({
        promptId: idSchema,
        suite: evalSuiteDraftSchema,
        message: z.string().trim().min(1, 'Say what changed in the suite').max(1000),
      })
      .strict(),
    output: evalSuiteSchema,
    writes: ['eval_suites', 'audit_log'],
  },
  /** The suite as a stable JSON file (for review in git); `suites.import` reads the same file. */
  'suites.export': {
    input: promptRef,
    output: z.object({ fileName: z.string(), content: z.string() }),
  },
  'suites.import': {
    input: z.object({ promptId: idSchema, content: z.string().max(1_000_000) }).strict(),
    output: evalSuiteSchema,
    writes: ['eval_suites', 'audit_log'],
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
        metric: z.string().optional(),
        failedOnly: z.boolean().default(false),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
    output: z.object({ total: z.number().int().nonnegative(), scores: z.array(scoreSchema) }),
  },
  'baselines.set': {
    input: z
      .object({
        promptId: idSchema,
        runId: idSchema,
        slice: sliceKeySchema,
        note: z.string().trim().max(1000).default(''),
      })
      .strict(),
    output: baselineSchema,
    writes: ['baselines', 'audit_log'],
  },
  'baselines.list': {
    input: promptRef,
    output: z.array(baselineSchema),
    reads: ['baselines', ...promptReads],
  },
  /** Compares one slice of a run with the prompt's baseline on the same dataset snapshot, and stores it. */
  'gates.evaluate': {
    input: z.object({ runId: idSchema, slice: sliceKeySchema }).strict(),
    output: gateResultSchema,
    writes: ['gate_results', 'run_scores', 'score_calls', 'audit_log'],
  },
  'gates.list': {
    input: promptRef,
    output: z.array(gateResultSchema),
    reads: ['gate_results', ...promptReads],
  },
} satisfies Record<string, MethodSpec>
