import type { SigningKey } from '../../../../shared/domain/bundles'

/**
 * Users' Ed25519 key pairs for signing off baselines. The core never imports Electron: the desktop app
 * passes a store whose private keys are encrypted with safeStorage (a file in userData, never the workspace);
 * the browser host and the CLI use a session store that keeps private keys in memory only.
 */
export interface SigningKeyStore {
  list(): SigningKey[]
  /** Generates a key pair for `owner` and keeps the private key (encrypted where the store can). */
  create(owner: string): Promise<SigningKey>
  /** Ed25519 signature of `message` with the key's private key; NOT_FOUND for an unknown key id. */
  sign(keyId: string, message: Uint8Array): Buffer
  delete(keyId: string): Promise<boolean>
}
