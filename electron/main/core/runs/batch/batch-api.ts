import { batchSupport } from '../../../../../shared/lib/batch-support'
import { createBatchApi } from '../../llm/batch'
import type { BatchApi } from '../../llm/batch/types'
import type { LlmOptions } from '../../llm/options'
import type { ProviderSettings } from '../../llm/providers/settings'

/** The provider's Batch API for a batch-mode run; null when its kind has none (its calls are streamed). */
export function batchApiOf(options: LlmOptions, name: string, settings: ProviderSettings): BatchApi | null {
  if (!batchSupport(settings.kind).supported) return null
  if (options.batchApiFactory) return options.batchApiFactory(name, settings)
  const scale = options.demoLatencyScale
  return createBatchApi(name, settings, scale !== undefined ? { demoLatencyScale: scale } : {})
}
