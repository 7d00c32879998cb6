import type { SecretStore } from '../secrets'
import type { CallLimitOverrides } from './call-limits'
import type { ProviderAdvice } from './provider-advice'
import type { ProviderSettings } from './providers/settings'
import type { Provider } from './providers/types'
import type { BatchApi } from './batch/types'
import type { RetryPolicy } from './retry-policy'

/** How this process reaches models; every field has a production default, tests inject settings and shrink timeouts. */
export interface LlmOptions {
  /** Settings per provider name (ModelRef.provider), for tests and the CLI; otherwise from Settings and the key store. */
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
  /**
   * Builds the adapter of a provider (unit tests: a scripted provider in place of a server); the real adapter
   * when absent or when it returns undefined. Limits, retries, pricing and settings stay the core's own.
   */
  providerFactory?: (name: string, settings: ProviderSettings) => Provider | undefined
  /**
   * Builds the Batch API of a provider for a batch-mode run (tests: an in-memory one); `createBatchApi` when
   * absent. Null: the provider has no Batch API and its calls are streamed.
   */
  batchApiFactory?: (name: string, settings: ProviderSettings) => BatchApi | null
}
