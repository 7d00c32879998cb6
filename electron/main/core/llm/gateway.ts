import type { Repos } from '../db/repos'
import { findProvider } from './catalog'
import { callLimitsFor, latencyBookFor } from './call-limits'
import { cappedLane } from './capped-lane'
import { createLimiter, type LaneStats, type Limiter, type LimiterDeps, type LimitSettings } from './limits'
import type { LlmOptions } from './options'
import type { ProviderCalls } from './provider-calls'
import { buildProvider, pricedProviderOf, resolveSettings } from './provider-setup'
import type { ProviderSettings } from './providers/settings'

/** What a caller asks of one provider besides its settings. */
export interface ProviderCallOptions {
  /** This caller's own ceiling (a run's planned concurrency): at most this many of the provider's slots. */
  cap?: number
}

/**
 * The one way to models in a core: runs, judges, canaries and the CLI all take their provider from here, so
 * one provider has one lane — its configured concurrency, requests per minute and what its 429s taught —
 * however many runs and scoring passes call it at once.
 */
export interface LlmGateway {
  /** How this core reaches models (injected settings, keys, retry policy, timeouts). */
  readonly options: LlmOptions
  /** One provider's settings: injected, stored or built-in, with its key. Throws an AppError naming the fix. */
  settings(name: string): ProviderSettings
  /** How a provider is priced without its key (a preview prices a model nobody can call yet). */
  pricing(name: string): ReturnType<typeof pricedProviderOf>
  /**
   * The adapter, the provider's shared lane (under `cap` for this caller) and its call limits. The lane takes
   * `settings` on every call, so a concurrency or rate changed in Settings applies from the next run or pass.
   */
  provider(name: string, settings: ProviderSettings, options?: ProviderCallOptions): ProviderCalls
  /**
   * Settings → Providers saved this provider: its lane takes the new concurrency and rate at once, so runs
   * already under way slow down or speed up too. Nothing to do for a provider nobody has called yet.
   */
  settingsChanged(name: string): void
  /** Every provider's lane as it stands: in flight, waiting for the rate, queued, the adaptive window. */
  stats(): Record<string, LaneStats>
}

export interface LlmGatewayDeps {
  repos: Repos
  options?: LlmOptions
  /** For tests: the limiter's clock and sleep. */
  clock?: LimiterDeps
}

export function createLlmGateway(deps: LlmGatewayDeps): LlmGateway {
  const options = deps.options ?? {}
  const limiter: Limiter = createLimiter(deps.clock)
  return {
    options,
    settings: (name) => resolveSettings(deps, name, options),
    pricing: (name) => pricedProviderOf(deps, name, options),
    provider(name, settings, call = {}) {
      limiter.configure(name, settings)
      const lane = limiter.lane(name)
      return {
        provider: buildProvider(name, settings, options),
        slots: call.cap !== undefined ? cappedLane(lane, call.cap) : lane,
        limits: callLimitsFor(settings, latencyBookFor(name, settings), options.callLimits),
      }
    },
    settingsChanged(name) {
      if (limiter.stats()[name] === undefined) return
      const config = options.providerSettings?.[name] ?? findProvider(deps.repos, name)
      if (config) limiter.configure(name, laneLimits(config))
    },
    stats: () => limiter.stats(),
  }
}

/** A lane's limits from stored settings (a null rate is none) or injected ones. */
function laneLimits(config: {
  concurrency: number
  requestsPerMinute?: number | null | undefined
}): LimitSettings {
  const { concurrency, requestsPerMinute } = config
  return { concurrency, ...(requestsPerMinute ? { requestsPerMinute } : {}) }
}
