import { existsSync, readFileSync } from 'node:fs'
import { z } from 'zod'
import { AppError } from '../../../../shared/contract'
import type { SecretStoreInfo } from '../../../../shared/domain/providers'
import { apiKeyEnvName } from './key-names'
import type { SecretStore } from './types'
import { writeOwnerOnlyFileAtomically } from './owner-only-file'

export interface EncryptedFileStoreOptions {
  /** A JSON file `{ name: base64(ciphertext) }`, outside the workspace so a copied workspace has no keys. */
  file: string
  /** Why keys cannot be stored here (e.g. a plain-text keyring backend), or null when they can. */
  unavailableReason: string | null
  /** The OS keychain's cipher, injected so the core stays free of Electron. */
  encrypt: (plainText: string) => Promise<Uint8Array>
  decrypt: (cipherText: Uint8Array) => Promise<string>
}

interface KeyFile {
  stored: Record<string, string>
  problem?: string
}

const fileSchema = z.record(z.string(), z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/))

/**
 * Keys encrypted by the OS (safeStorage in the app), kept in one small file. Every key is decrypted once at
 * startup and held in memory, so lookups during a run are synchronous. A key that no longer decrypts (the
 * keychain was reset) is treated as missing but kept in the file until it is replaced or removed.
 */
export async function createEncryptedFileSecretStore(
  options: EncryptedFileStoreOptions,
): Promise<SecretStore> {
  const loaded: KeyFile = options.unavailableReason === null ? readKeyFile(options.file) : { stored: {} }
  const unavailable = options.unavailableReason ?? loaded.problem ?? null
  let stored: Readonly<Record<string, string>> = loaded.stored
  const keys = unavailable === null ? await decryptAll(stored, options.decrypt) : new Map<string, string>()
  const info: SecretStoreInfo = {
    kind: 'safe-storage',
    canStoreKeys: unavailable === null,
    reason: unavailable,
  }
  let queue: Promise<void> = Promise.resolve()

  // Synchronous: the file always holds the whole map as it is after this one change.
  const commit = (name: string, entry: { key: string; cipherText: string } | null): void => {
    const next = { ...stored }
    if (entry) next[name] = entry.cipherText
    else delete next[name]
    writeOwnerOnlyFileAtomically(options.file, JSON.stringify(next, null, 2))
    stored = next
    if (entry) keys.set(name, entry.key)
    else keys.delete(name)
  }

  const save = async (name: string, key: string | null): Promise<void> => {
    if (unavailable !== null) {
      throw new AppError(
        'INVALID_INPUT',
        `${unavailable} Set ${apiKeyEnvName(name)} in the environment instead.`,
      )
    }
    if (key === null) return commit(name, null)
    const cipherText = Buffer.from(await options.encrypt(key)).toString('base64')
    commit(name, { key, cipherText })
  }

  return {
    info: () => info,
    get: (name) => keys.get(name),
    // Changes are applied one at a time, in call order, whatever the cipher's timing.
    set: (name, key) => {
      const result = queue.then(() => save(name, key))
      queue = result.catch(() => {})
      return result
    },
  }
}

/** A file that cannot be read or parsed is never overwritten: saving is refused with the reason instead. */
function readKeyFile(file: string): KeyFile {
  if (!existsSync(file)) return { stored: {} }
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    if (parsed.success) return { stored: { ...parsed.data } }
  } catch {
    // reported below
  }
  return { stored: {}, problem: `The key file ${file} is unreadable; move it aside to store keys again.` }
}

async function decryptAll(
  stored: Readonly<Record<string, string>>,
  decrypt: EncryptedFileStoreOptions['decrypt'],
): Promise<Map<string, string>> {
  const keys = new Map<string, string>()
  for (const [name, cipherText] of Object.entries(stored)) {
    try {
      keys.set(name, await decrypt(Buffer.from(cipherText, 'base64')))
    } catch {
      // Undecryptable (another user's or a reset keychain): missing for now, replaced on the next save.
    }
  }
  return keys
}
