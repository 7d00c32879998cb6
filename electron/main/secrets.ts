import { join } from 'node:path'
import { safeStorage } from 'electron'
import { createEncryptedFileSecretStore, type SecretStore } from './core/secrets'

/** In Electron's user-data folder, never in evallab.db: the workspace file, its backups and exports hold no key. */
export const KEY_FILE = 'provider-keys.json'

/** Linux backends that would keep keys under a hard-coded password, i.e. effectively in plain text. */
const plainTextBackends: ReadonlySet<string> = new Set(['basic_text', 'unknown'])

/**
 * Why safeStorage must not be trusted with keys here, or null when it can. On Linux without a keyring
 * (no gnome-libsecret or kwallet) Chromium falls back to a fixed password: we refuse that rather than
 * pretend keys are protected, and the user sets environment variables instead. Call after app ready.
 */
export function safeStorageRefusal(platform: NodeJS.Platform = process.platform): string | null {
  try {
    if (platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend()
      if (plainTextBackends.has(backend)) {
        return `No OS keyring is available (safeStorage backend "${backend}"), so keys would be stored in plain text.`
      }
    }
    if (!safeStorage.isEncryptionAvailable()) return 'OS encryption (safeStorage) is not available.'
    return null
  } catch (error) {
    return `OS encryption (safeStorage) failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

/**
 * The app's key store: safeStorage ciphertext in <userData>/provider-keys.json. The synchronous
 * safeStorage calls are the ones getSelectedStorageBackend describes in Electron 45; the store's cipher
 * is async already so the move to encryptStringAsync (required from Electron 46) stays inside this file.
 */
export function createAppSecretStore(
  userData: string,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretStore> {
  return createEncryptedFileSecretStore({
    file: join(userData, KEY_FILE),
    unavailableReason: safeStorageRefusal(platform),
    encrypt: (plainText) => Promise.resolve(safeStorage.encryptString(plainText)),
    decrypt: (cipherText) => Promise.resolve(safeStorage.decryptString(Buffer.from(cipherText))),
  })
}
