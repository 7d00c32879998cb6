import { z } from 'zod'
import { idSchema } from '../domain/ids'
import { playgroundSessionSchema, playgroundStartSchema } from '../domain/playground'
import { runSchema } from '../domain/runs'
import type { MethodSpec } from './methods'

const session = z.object({ sessionId: idSchema }).strict()

/**
 * The playground: a prompt version (or unsaved edits) on 1–5 cases × 1–4 models through the LLM gateway.
 * Answers stream as `playground.progress` events; nothing is stored until "Save as run".
 */
export const playgroundMethods = {
  'playground.start': { input: playgroundStartSchema.strict(), output: playgroundSessionSchema },
  /** The session as it stands (the events' state, for a screen that opened late). Held in memory only. */
  'playground.get': { input: session, output: playgroundSessionSchema },
  'playground.cancel': { input: session, output: playgroundSessionSchema },
  /**
   * Stores the finished session as a small run of `promptVersionId` with the fast scorers' scores. A session
   * of unsaved edits needs the version they were saved as: its messages and params must be what ran.
   */
  'playground.save': {
    input: z
      .object({
        sessionId: idSchema,
        promptVersionId: idSchema.optional(),
        name: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    output: runSchema,
    writes: [
      'runs',
      'run_results',
      'run_scores',
      'dataset_snapshots',
      'datasets',
      'dataset_cases',
      'response_cache',
      'audit_log',
    ],
  },
} satisfies Record<string, MethodSpec>
