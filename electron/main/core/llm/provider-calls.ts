import { callLimitsFor, latencyBookFor } from './call-limits'
import type { Limiter, SlotSource } from './limits'
import { buildProvider } from './provider-setup'
import type { ProviderSettings } from './providers/settings'
import type { CallLimits, Provider } from './providers/types'
import type { RunnerOptions } from '../evals/run-options'

/** Everything a call to one provider goes through: the adapter, its slots and its time limits. */
export interface ProviderCalls {
  provider: Provider
  slots: SlotSource
  limits: CallLimits
}

/**
 * Sets up one provider for a run or a scoring pass: its lane in `limiter` (concurrency, rate, AIMD), its
 * adapter, and its limits (the run's overrides, else Settings, else learned from this process's calls to it).
 */
export function providerCalls(
  limiter: Limiter,
  name: string,
  settings: ProviderSettings,
  options: RunnerOptions,
): ProviderCalls {
  limiter.configure(name, settings)
  return {
    provider: buildProvider(name, settings, options),
    slots: limiter.lane(name),
    limits: callLimitsFor(settings, latencyBookFor(name, settings), options.callLimits),
  }
}
