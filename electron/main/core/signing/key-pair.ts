import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { AppError } from '../../../../shared/contract'
import type { PublicKeyFile, SigningKey } from '../../../../shared/domain/bundles'

/** An Ed25519 SPKI DER is a fixed 12-byte header followed by the raw 32-byte public key. */
const rawPublicKeyBytes = 32

/** First 16 hex of sha256 of the raw public key: short enough to read aloud, long enough not to collide. */
export function keyIdOf(publicKeyDer: Uint8Array): string {
  const raw = publicKeyDer.subarray(publicKeyDer.length - rawPublicKeyBytes)
  return createHash('sha256').update(raw).digest('hex').slice(0, 16)
}

export interface GeneratedKeyPair {
  /** keyId, owner, createdAt and publicKey (base64 SPKI DER); `storage` is the store's to add. */
  key: Omit<SigningKey, 'storage'>
  privateKey: KeyObject
  /** Base64 PKCS8 DER: what a store encrypts. Never returned through the API. */
  privateKeyPkcs8: string
}

export function generateSigningKeyPair(owner: string, createdAt: string): GeneratedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const publicDer = publicKey.export({ type: 'spki', format: 'der' })
  return {
    key: { keyId: keyIdOf(publicDer), owner, createdAt, publicKey: publicDer.toString('base64') },
    privateKey,
    privateKeyPkcs8: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  }
}

export function privateKeyFromPkcs8(base64: string): KeyObject {
  return createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' })
}

/** Ed25519 signs the message itself (no separate digest), hence the null algorithm. */
export function signMessage(privateKey: KeyObject, message: Uint8Array): Buffer {
  return sign(null, message, privateKey)
}

export function unknownKey(keyId: string): AppError {
  return new AppError('NOT_FOUND', `No signing key ${keyId} on this computer`)
}

/** The shareable public half, as a repo's allowed-signers list takes it. */
export function publicKeyFile(key: SigningKey): PublicKeyFile {
  return {
    format: 'evallab.public-key',
    version: 1,
    algorithm: 'ed25519',
    keyId: key.keyId,
    owner: key.owner,
    publicKey: key.publicKey,
  }
}
