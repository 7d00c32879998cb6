import type { SecretStoreInfo } from '../../../../shared/domain/providers'

/**
 * Where provider API keys are kept. The core never imports Electron: the desktop app passes a store backed
 * by safeStorage, the browser host and the CLI one that reads environment variables. A key read from a
 * store is held in memory only and handed to the provider SDK; it is never written to the workspace,
 * returned through the API, put in an audit entry or logged.
 */
export interface SecretStore {
  info(): SecretStoreInfo
  /** The key this store holds for a provider name, if any. The vendor variables are a separate fallback. */
  get(name: string): string | undefined
  /**
   * Saves a key, or with null forgets it. Refuses with INVALID_INPUT where keys cannot be stored (the
   * environment store, or a keychain that would keep them in plain text). Async because the OS keychain is.
   */
  set(name: string, key: string | null): Promise<void>
}
