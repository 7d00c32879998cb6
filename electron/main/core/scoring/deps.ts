import type { RunnerOptions } from '../evals/run-options'

/**
 * What scoring needs from the runner's options to call judges: provider settings (tests inject them), keys,
 * retry policy, timeout and the demo latency. A RunnerOptions object can be passed as it is.
 */
export interface ScoringDeps extends Pick<
  RunnerOptions,
  'providerSettings' | 'env' | 'secrets' | 'providerAdvice' | 'retryPolicy' | 'timeoutMs' | 'demoLatencyScale'
> {
  /** Aborts judge calls (the canary stopping, the core closing). */
  signal?: AbortSignal
  /** Results scored per short write transaction before yielding to the event loop. Default 200. */
  scoringBatch?: number
}

export const defaultScoringBatch = 200
