import { z } from 'zod'
import { idSchema } from '../domain/ids'
import { baselineSchema, gateResultSchema, sliceKeySchema } from '../domain/scoring'
import type { MethodSpec } from './methods'

const promptRef = z.object({ promptId: idSchema }).strict()
/** A prompt's baselines and gates are read through its versions (and the prompt must exist). */
const promptReads = ['prompts', 'prompt_versions', 'prompt_environments'] as const

/** A prompt's baseline (the reference slice a candidate is compared with) and the gates evaluated against it. */
export const baselineMethods = {
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
