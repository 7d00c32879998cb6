import type { LlmOptions } from '../llm/options'
import type { CodeSandbox } from './code'

/**
 * What scoring needs to call judges: provider settings (tests inject them), keys, retry policy, timeout and
 * the demo latency. The runner's options can be passed as they are.
 */
export interface ScoringDeps extends Pick<
  LlmOptions,
  'providerSettings' | 'env' | 'secrets' | 'providerAdvice' | 'retryPolicy' | 'timeoutMs' | 'demoLatencyScale'
> {
  /** Aborts judge calls (the canary stopping, the core closing). */
  signal?: AbortSignal
  /** Results scored per short write transaction before yielding to the event loop. Default 200. */
  scoringBatch?: number
  /** The code sandbox a pass uses; a fresh one per pass when omitted. */
  sandbox?: CodeSandbox
}

export const defaultScoringBatch = 200
