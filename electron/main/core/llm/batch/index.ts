import type { ProviderSettings } from '../providers/settings'
import type { BatchApi } from './types'

// Placeholder until helper B's adapters land (B's file replaces this one; the signature stays).
export function createBatchApi(
  _name: string,
  _settings: ProviderSettings,
  _options: { now?: () => Date; demoLatencyScale?: number } = {},
): BatchApi | null {
  return null
}
