import { createPublicKey, verify } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  createEncryptedFileSigningKeyStore,
  type EncryptedSigningKeyStoreOptions,
} from '../../../../electron/main/core/signing'
import { useTempHomes } from '../../../fixtures/temp-home'

const newDir = useTempHomes()
const message = Buffer.from('statement')
const tag = Buffer.from('fake-cipher:')

/** A stand-in for safeStorage: reversed bytes behind a tag, so plain text never appears in the file. */
const fakeCipher = {
  encrypt: (plainText: string) => Promise.resolve(Buffer.concat([tag, Buffer.from(plainText).reverse()])),
  decrypt: (cipherText: Uint8Array) => {
    const bytes = Buffer.from(cipherText)
    if (!bytes.subarray(0, tag.length).equals(tag)) return Promise.reject(new Error('bad ciphertext'))
    return Promise.resolve(Buffer.from(bytes.subarray(tag.length)).reverse().toString('utf8'))
  },
}

function options(dir: string, extra: Partial<EncryptedSigningKeyStoreOptions> = {}) {
  return { file: join(dir, 'signing-keys.json'), unavailableReason: null, ...fakeCipher, ...extra }
}

function verifies(publicKey: string, signature: Buffer): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
  return verify(null, message, key, signature)
}

/** Every base64 rendering of a PKCS8 private key starts with this DER prefix for Ed25519. */
const pkcs8Base64Prefix = 'MC4CAQAwBQYDK2Vw'

describe('encrypted-file signing key store', () => {
  it('keeps keys across restarts with only ciphertext of the private key in an owner-only file', async () => {
    const dir = newDir()
    const store = await createEncryptedFileSigningKeyStore(options(dir))
    const key = await store.create('Priya Shah')
    expect(key.storage).toBe('safe-storage')
    const file = join(dir, 'signing-keys.json')
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(pkcs8Base64Prefix)
    const stored = (JSON.parse(text) as Record<string, Record<string, string>>)[key.keyId]
    expect(Object.keys(stored ?? {}).sort()).toEqual(['createdAt', 'owner', 'privateKey', 'publicKey'])
    const decrypted = await fakeCipher.decrypt(Buffer.from(stored?.privateKey ?? '', 'base64'))
    expect(decrypted.startsWith(pkcs8Base64Prefix)).toBe(true)
    expect(text).not.toContain(decrypted)
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)

    const reopened = await createEncryptedFileSigningKeyStore(options(dir))
    expect(reopened.list()).toEqual([key])
    expect(verifies(key.publicKey, reopened.sign(key.keyId, message))).toBe(true)
  })

  it('deletes a key from the file', async () => {
    const dir = newDir()
    const store = await createEncryptedFileSigningKeyStore(options(dir))
    const [a, b] = [await store.create('Ana'), await store.create('Ben')]
    expect(await store.delete(a.keyId)).toBe(true)
    expect(await store.delete(a.keyId)).toBe(false)
    const reopened = await createEncryptedFileSigningKeyStore(options(dir))
    expect(reopened.list()).toEqual([b])
    expect(() => reopened.sign(a.keyId, message)).toThrow(/No signing key/)
  })

  it('refuses to create keys when safeStorage is unavailable, with the reason, and writes nothing', async () => {
    const dir = newDir()
    const reason = 'No OS keyring is available, so keys would be stored in plain text.'
    const store = await createEncryptedFileSigningKeyStore(options(dir, { unavailableReason: reason }))
    await expect(store.create('Ana')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /plain text/ })
    expect(existsSync(join(dir, 'signing-keys.json'))).toBe(false)
    expect(store.list()).toEqual([])
  })

  it('never overwrites an unreadable file, and refuses to sign with a key that no longer decrypts', async () => {
    const dir = newDir()
    const file = join(dir, 'signing-keys.json')
    writeFileSync(file, 'not json')
    const broken = await createEncryptedFileSigningKeyStore(options(dir))
    await expect(broken.create('Ana')).rejects.toThrow(/unreadable/)
    expect(readFileSync(file, 'utf8')).toBe('not json')

    const other = newDir()
    const store = await createEncryptedFileSigningKeyStore(options(other))
    const key = await store.create('Ana')
    const reset = await createEncryptedFileSigningKeyStore(
      options(other, { decrypt: () => Promise.reject(new Error('keychain reset')) }),
    )
    expect(reset.list()).toEqual([key])
    expect(() => reset.sign(key.keyId, message)).toThrow(/can no longer be decrypted/)
  })
})
