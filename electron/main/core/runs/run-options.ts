import type { LlmOptions } from '../llm/options'

/** How the runner behaves: how it reaches models (see LlmOptions), and its batch and progress intervals. */
export interface RunnerOptions extends LlmOptions {
  flushRows?: number
  flushMs?: number
  progressIntervalMs?: number
}

export const runnerDefaults = {
  flushRows: 50,
  flushMs: 250,
  progressIntervalMs: 100,
} as const
