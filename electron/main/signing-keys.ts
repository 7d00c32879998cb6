import { join } from 'node:path'
import { safeStorage } from 'electron'
import { createEncryptedFileSigningKeyStore, type SigningKeyStore } from './core/signing'
import { safeStorageRefusal } from './secrets'

/** In Electron's user-data folder, never in the workspace: a copied workspace or an export holds no private key. */
export const SIGNING_KEY_FILE = 'signing-keys.json'

/**
 * The app's signing keys: private keys as safeStorage ciphertext in <userData>/signing-keys.json, refused
 * (with the reason) where safeStorage would keep them in plain text, as for provider keys. Call after ready.
 */
export function createAppSigningKeyStore(
  userData: string,
  platform: NodeJS.Platform = process.platform,
): Promise<SigningKeyStore> {
  return createEncryptedFileSigningKeyStore({
    file: join(userData, SIGNING_KEY_FILE),
    unavailableReason: safeStorageRefusal(platform),
    encrypt: (plainText) => Promise.resolve(safeStorage.encryptString(plainText)),
    decrypt: (cipherText) => Promise.resolve(safeStorage.decryptString(Buffer.from(cipherText))),
  })
}
