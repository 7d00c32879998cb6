import type { SlotSource } from './limits'
import type { CallLimits, Provider } from './providers/types'

/**
 * Everything a call to one provider goes through: the adapter, its slots in the provider's one lane of this
 * process (concurrency, rate, AIMD; see gateway.ts) and its time limits (the overrides, else Settings, else
 * learned from this process's calls to it).
 */
export interface ProviderCalls {
  provider: Provider
  slots: SlotSource
  limits: CallLimits
}
