import { createPublicKey, type KeyObject } from 'node:crypto'
import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import {
  allowedSignersFileSchema,
  publicKeyFileSchema,
  type PublicKeyFile,
} from '../../../../shared/domain/bundles'
import { keyIdOf } from '../signing/key-pair'

/** An Ed25519 public key from base64 SPKI DER, or null when it is not one. */
export function ed25519PublicKey(base64: string): KeyObject | null {
  try {
    const key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' })
    return key.asymmetricKeyType === 'ed25519' ? key : null
  } catch {
    return null
  }
}

/** The key id a base64 SPKI public key really has (null when it is not an Ed25519 key). */
export function keyIdOfPublicKey(base64: string): string | null {
  const key = ed25519PublicKey(base64)
  return key ? keyIdOf(key.export({ type: 'spki', format: 'der' })) : null
}

const entrySchema = z.union([allowedSignersFileSchema, publicKeyFileSchema])

function parseEntry(content: string, label: string): PublicKeyFile[] {
  let value: unknown
  try {
    value = JSON.parse(content)
  } catch {
    throw new AppError('INVALID_INPUT', `${label} is not valid JSON`)
  }
  const parsed = entrySchema.safeParse(value)
  if (!parsed.success) {
    throw new AppError(
      'INVALID_INPUT',
      `${label} is neither an evallab.allowed-signers nor an evallab.public-key file`,
    )
  }
  const data = parsed.data
  if (data.format === 'evallab.public-key') return [data]
  return data.signers.map((s) => ({ format: 'evallab.public-key', version: 1, ...s }))
}

/**
 * The keys whose signatures count, from allowed-signers or public-key file contents. Each key's id must be
 * the one its public key gives, so a list cannot vouch for one key under another's name.
 */
export function parseAllowedSigners(contents: readonly string[]): PublicKeyFile[] {
  return contents.flatMap((content, index) => {
    const label = `Allowed signers entry ${index + 1}`
    return parseEntry(content, label).map((key) => {
      const actual = keyIdOfPublicKey(key.publicKey)
      if (actual === null) {
        throw new AppError(
          'INVALID_INPUT',
          `${label}: key ${key.keyId} (${key.owner}) is not an Ed25519 public key`,
        )
      }
      if (actual !== key.keyId) {
        throw new AppError(
          'INVALID_INPUT',
          `${label}: key id ${key.keyId} (${key.owner}) does not match its public key (${actual})`,
        )
      }
      return key
    })
  })
}
