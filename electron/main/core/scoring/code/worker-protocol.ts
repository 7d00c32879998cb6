import { z } from 'zod'
import type { SandboxLimits } from './limits'

/**
 * The watchdog's view of the worker, shared memory written by the worker: which call is running (0 =
 * none), when it started (ms after the pool's epoch) and the last call it finished. Read without waiting
 * on a message, so a worker stuck in a long native built-in is still seen as stuck.
 */
export const slot = { running: 0, startedAt: 1, finished: 2 } as const
export const slotCount = 3

export interface WorkerInit {
  state: SharedArrayBuffer
  /** Date.now() when the pool started: start times fit an Int32 as an offset from it. */
  epoch: number
}

export interface CallRequest {
  id: number
  source: string
  json: string
  limits: SandboxLimits
}

const errorKinds = [
  'syntax',
  'not_a_function',
  'threw',
  'timeout',
  'memory',
  'stack',
  'bad_result',
  'bad_input',
  'engine',
] as const

/** A reply crosses a thread boundary: it is checked like any other input. */
export const callReplySchema = z.object({
  id: z.number().int().positive(),
  outcome: z.discriminatedUnion('ok', [
    z.object({
      ok: z.literal(true),
      score: z.number().min(0).max(1).nullable(),
      passed: z.boolean().nullable(),
      reason: z.string(),
    }),
    z.object({ ok: z.literal(false), kind: z.enum(errorKinds), message: z.string() }),
  ]),
})
export type CallReply = z.output<typeof callReplySchema>
