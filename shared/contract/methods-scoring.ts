import { z } from 'zod'
import { idSchema } from '../domain/ids'
import { resultKeySchema } from '../domain/result-rows'
import {
  codeScorerConfigSchema,
  evalSuiteDraftSchema,
  evalSuiteSchema,
  rubricDraftSchema,
  rubricSchema,
} from '../domain/scoring'
import type { MethodSpec } from './methods'

const promptRef = z.object({ promptId: idSchema }).strict()
/** A prompt's suite is read through its versions (and the prompt must exist). */
const promptReads = ['prompts', 'prompt_versions', 'prompt_environments'] as const

/** Rubrics and eval suites (scorers + gate rules). */
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
   * Runs a code scorer (not yet saved) on one stored result, for the editor's test panel: the score it
   * gives, or its error, and the JSON input it saw. Writes nothing and never calls a model.
   */
  'suites.tryCodeScorer': {
    input: codeScorerConfigSchema
      .omit({ kind: true })
      .extend({ runId: idSchema, result: resultKeySchema.omit({ runId: true }).strict() })
      .strict(),
    output: z.object({
      outcome: z.object({
        value: z.number().nullable(),
        raw: z.number().nullable(),
        passed: z.boolean().nullable(),
        reason: z.string(),
        /** The kind of failure (syntax, threw, timeout, memory…) when the scorer could not score. */
        error: z.string().optional(),
      }),
      /** The input exactly as the scorer received it: `{ output, context: { vars, expected, toolCalls, metadata } }`. */
      input: z.unknown(),
    }),
  },
} satisfies Record<string, MethodSpec>
