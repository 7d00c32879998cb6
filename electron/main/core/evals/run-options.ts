import type { SecretStore } from '../secrets'
import type { ProviderAdvice } from '../llm/provider-advice'
import type { CallLimitOverrides } from '../llm/call-limits'
import type { ProviderSettings } from '../llm/providers/settings'
import type { RetryPolicy } from '../llm/retry-policy'

/** How the runner behaves; everything has a production default, tests shrink timeouts and intervals. */
export interface RunnerOptions {
  /** Settings per provider name (ModelRef.provider), for tests; otherwise from Settings and the key store. */
  providerSettings?: Record<string, ProviderSettings>
  /** Where keys and base URLs are read from when not configured; process.env by default. */
  env?: Record<string, string | undefined>
  /** Where keys are kept (the keychain in the app); the environment alone by default. */
  secrets?: SecretStore
  /** How errors about a missing provider, base URL or key say to fix it; Settings wording by default. */
  providerAdvice?: ProviderAdvice
  retryPolicy?: Partial<RetryPolicy>
  /** An explicit whole-call timeout for every call (tests); wins over the providers' own limits. */
  timeoutMs?: number
  /** Request and idle limits for every provider (the CLI's --request-timeout and --idle-timeout). */
  callLimits?: CallLimitOverrides
  /** Multiplies the demo provider's simulated latency; tests pass 0. */
  demoLatencyScale?: number
  flushRows?: number
  flushMs?: number
  progressIntervalMs?: number
}

export const runnerDefaults = {
  flushRows: 50,
  flushMs: 250,
  progressIntervalMs: 100,
} as const
