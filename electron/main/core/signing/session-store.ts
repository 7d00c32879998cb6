import type { KeyObject } from 'node:crypto'
import type { SigningKey } from '../../../../shared/domain/bundles'
import { generateSigningKeyPair, signMessage, unknownKey } from './key-pair'
import type { SigningKeyStore } from './types'

interface HeldKey {
  key: SigningKey
  privateKey: KeyObject
}

/**
 * Private keys in memory only, for the browser host and the CLI: they are gone when the process ends, so a
 * session key is for trying sign-offs out; a lasting identity needs the desktop app's encrypted store.
 */
export function createSessionSigningKeyStore(
  now: () => string = () => new Date().toISOString(),
): SigningKeyStore {
  const held = new Map<string, HeldKey>()
  return {
    list: () => [...held.values()].map((h) => h.key),
    create: (owner) => {
      const pair = generateSigningKeyPair(owner, now())
      const key: SigningKey = { ...pair.key, storage: 'session' }
      held.set(key.keyId, { key, privateKey: pair.privateKey })
      return Promise.resolve(key)
    },
    sign: (keyId, message) => {
      const entry = held.get(keyId)
      if (!entry) throw unknownKey(keyId)
      return signMessage(entry.privateKey, message)
    },
    delete: (keyId) => Promise.resolve(held.delete(keyId)),
  }
}
