import type { LlmOptions } from '../llm/options'

/** How the runner behaves: how it reaches models (see LlmOptions), and its batch and progress intervals. */
export interface RunnerOptions extends LlmOptions {
  flushRows?: number
  flushMs?: number
  progressIntervalMs?: number
  /** A batch job's first poll comes this long after the last; the wait doubles up to batchPollMaxMs. */
  batchPollMs?: number
  batchPollMaxMs?: number
  /**
   * Relaunch batch-mode runs whose jobs are still out when the core opens, so they keep polling (default
   * true; the CLI turns it off and resumes a run only when asked to).
   */
  resumeBatchRuns?: boolean
}

export const runnerDefaults = {
  flushRows: 50,
  flushMs: 250,
  progressIntervalMs: 100,
} as const
