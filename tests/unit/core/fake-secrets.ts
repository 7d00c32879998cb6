import { join } from 'node:path'
import {
  createEncryptedFileSecretStore,
  type EncryptedFileStoreOptions,
  type SecretStore,
} from '../../../electron/main/core/secrets'

const tag = Buffer.from('xor1:')

/** A stand-in for safeStorage: reversible, but the key's bytes never appear in what it returns. */
export const xorCipher: Pick<EncryptedFileStoreOptions, 'encrypt' | 'decrypt'> = {
  encrypt: (text) => Promise.resolve(Buffer.concat([tag, Buffer.from(text).map((b) => b ^ 0x33)])),
  decrypt: (data) => {
    const bytes = Buffer.from(data)
    if (!bytes.subarray(0, tag.length).equals(tag)) return Promise.reject(new Error('not ours'))
    return Promise.resolve(Buffer.from(bytes.subarray(tag.length).map((b) => b ^ 0x33)).toString())
  },
}

/** An encrypted key store in `dir`, as the app builds one with safeStorage. */
export function fakeKeychain(dir: string, unavailableReason: string | null = null): Promise<SecretStore> {
  return createEncryptedFileSecretStore({ file: join(dir, 'keys.json'), unavailableReason, ...xorCipher })
}
