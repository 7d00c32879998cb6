import { batchSupport } from '../../../../../shared/lib/batch-support'
import type { ProviderSettings } from '../providers/settings'
import { createAnthropicBatchApi } from './anthropic'
import { createDemoBatchApi } from './demo'
import { createOpenAiBatchApi } from './openai'
import type { BatchApi } from './types'

export type {
  BatchApi,
  BatchItemOutcome,
  BatchLimits,
  BatchRequest,
  BatchStatus,
  SubmittedBatch,
} from './types'

export interface BatchApiOptions {
  /** The demo's clock (its jobs are computed from the time they were submitted). */
  now?: () => Date
  /** Multiplies the demo's simulated job time; tests pass 0. */
  demoLatencyScale?: number
}

/**
 * The Batch API of one provider entry, or null when its kind sends no batch jobs (batchSupport says why):
 * a batch-mode run then streams that provider's calls.
 */
export function createBatchApi(
  name: string,
  settings: ProviderSettings,
  options: BatchApiOptions = {},
): BatchApi | null {
  if (!batchSupport(settings.kind).supported) return null
  const common = {
    provider: name,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
  }
  switch (settings.kind) {
    case 'openai':
      return createOpenAiBatchApi(common)
    case 'anthropic':
      return createAnthropicBatchApi(common)
    case 'demo':
      return createDemoBatchApi({
        provider: name,
        ...(options.now ? { now: options.now } : {}),
        ...(options.demoLatencyScale !== undefined ? { latencyScale: options.demoLatencyScale } : {}),
      })
    default:
      return null
  }
}
