import type { KeyObject } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import { isoTimeSchema } from '../../../../shared/domain/ids'
import { keyIdSchema, type SigningKey } from '../../../../shared/domain/bundles'
import { generateSigningKeyPair, privateKeyFromPkcs8, signMessage, unknownKey } from './key-pair'
import type { SigningKeyStore } from './types'
import { writeOwnerOnlyFileAtomically } from '../secrets/owner-only-file'

export interface EncryptedSigningKeyStoreOptions {
  /** `{ keyId: { owner, createdAt, publicKey, privateKey } }`, outside the workspace (e.g. userData). */
  file: string
  /** Why private keys cannot be stored here (e.g. a plain-text keyring backend), or null when they can. */
  unavailableReason: string | null
  /** The OS keychain's cipher, injected so the core stays free of Electron. */
  encrypt: (plainText: string) => Promise<Uint8Array>
  decrypt: (cipherText: Uint8Array) => Promise<string>
  now?: () => string
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
const storedKeySchema = z
  .object({
    owner: z.string(),
    createdAt: isoTimeSchema,
    publicKey: base64,
    /** base64 of the ciphertext of the base64 PKCS8 DER private key. */
    privateKey: base64,
  })
  .strict()
type StoredKey = z.infer<typeof storedKeySchema>
const fileSchema = z.record(keyIdSchema, storedKeySchema)
type StoredKeys = Readonly<Record<string, StoredKey>>

/**
 * Signing keys whose private halves are encrypted by the OS (safeStorage in the app), in one small file
 * written owner-only. Every private key is decrypted once at startup so signing stays synchronous (it runs
 * inside a write transaction). A key that no longer decrypts (a reset keychain) is still listed and can be
 * deleted, but signing with it is refused.
 */
export async function createEncryptedFileSigningKeyStore(
  options: EncryptedSigningKeyStoreOptions,
): Promise<SigningKeyStore> {
  const now = options.now ?? (() => new Date().toISOString())
  const loaded = options.unavailableReason === null ? readKeyFile(options.file) : { stored: {} }
  const unavailable = options.unavailableReason ?? loaded.problem ?? null
  let stored: StoredKeys = loaded.stored
  const privateKeys =
    unavailable === null ? await decryptAll(stored, options.decrypt) : new Map<string, KeyObject>()
  let queue: Promise<unknown> = Promise.resolve()
  // Changes are applied one at a time, in call order, whatever the cipher's timing.
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work)
    queue = result.catch(() => {})
    return result
  }

  const commit = (next: StoredKeys): void => {
    writeOwnerOnlyFileAtomically(options.file, `${JSON.stringify(next, null, 2)}\n`)
    stored = next
  }

  const create = async (owner: string): Promise<SigningKey> => {
    if (unavailable !== null)
      throw new AppError('INVALID_INPUT', `${unavailable} No signing key was created.`)
    const pair = generateSigningKeyPair(owner, now())
    const cipherText = Buffer.from(await options.encrypt(pair.privateKeyPkcs8)).toString('base64')
    const { keyId, ...rest } = pair.key
    commit({ ...stored, [keyId]: { ...rest, privateKey: cipherText } })
    privateKeys.set(keyId, pair.privateKey)
    return { ...pair.key, storage: 'safe-storage' }
  }

  const remove = (keyId: string): Promise<boolean> => {
    if (!(keyId in stored)) return Promise.resolve(false)
    const next = { ...stored }
    delete next[keyId]
    commit(next)
    privateKeys.delete(keyId)
    return Promise.resolve(true)
  }

  return {
    list: () => Object.entries(stored).map(([keyId, s]) => toSigningKey(keyId, s)),
    create: (owner) => serialized(() => create(owner)),
    sign: (keyId, message) => {
      if (!(keyId in stored)) throw unknownKey(keyId)
      const privateKey = privateKeys.get(keyId)
      if (!privateKey) {
        throw new AppError(
          'INVALID_INPUT',
          `The private key of ${keyId} can no longer be decrypted on this computer; create a new key.`,
        )
      }
      return signMessage(privateKey, message)
    },
    delete: (keyId) => serialized(() => remove(keyId)),
  }
}

function toSigningKey(keyId: string, s: StoredKey): SigningKey {
  return { keyId, owner: s.owner, createdAt: s.createdAt, publicKey: s.publicKey, storage: 'safe-storage' }
}

/** A file that cannot be read or parsed is never overwritten: creating keys is refused with the reason. */
function readKeyFile(file: string): { stored: StoredKeys; problem?: string } {
  if (!existsSync(file)) return { stored: {} }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return { stored: parsed.data }
  } catch {
    // reported below
  }
  return {
    stored: {},
    problem: `The signing key file ${file} is unreadable; move it aside to create keys again.`,
  }
}

async function decryptAll(
  stored: StoredKeys,
  decrypt: EncryptedSigningKeyStoreOptions['decrypt'],
): Promise<Map<string, KeyObject>> {
  const keys = new Map<string, KeyObject>()
  for (const [keyId, s] of Object.entries(stored)) {
    try {
      keys.set(keyId, privateKeyFromPkcs8(await decrypt(Buffer.from(s.privateKey, 'base64'))))
    } catch {
      // Undecryptable (another user's or a reset keychain): listed, but signing with it is refused.
    }
  }
  return keys
}
