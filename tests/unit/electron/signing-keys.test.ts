import { createPublicKey, verify } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useTempHomes } from '../../fixtures/temp-home'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const { createAppSigningKeyStore, SIGNING_KEY_FILE } = await import('../../../electron/main/signing-keys')
const { safeStorage, resetFakeElectron } = fake
const tempDir = useTempHomes()

beforeEach(() => resetFakeElectron())

describe('createAppSigningKeyStore', () => {
  it('keeps private keys as safeStorage ciphertext in <userData>/signing-keys.json, owner-only', async () => {
    const userData = tempDir()
    const store = await createAppSigningKeyStore(userData, 'linux')
    const key = await store.create('Priya Shah')
    const file = join(userData, SIGNING_KEY_FILE)
    const text = readFileSync(file, 'utf8')
    // An Ed25519 PKCS8 DER in base64 always starts so; only its ciphertext may be on disk.
    expect(text).not.toContain('MC4CAQAwBQYDK2Vw')
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)

    const reopened = await createAppSigningKeyStore(userData, 'linux')
    const signature = reopened.sign(key.keyId, Buffer.from('statement'))
    const publicKey = createPublicKey({
      key: Buffer.from(key.publicKey, 'base64'),
      format: 'der',
      type: 'spki',
    })
    expect(verify(null, Buffer.from('statement'), publicKey, signature)).toBe(true)
  })

  it('refuses to create keys over a plain-text backend or without encryption, and leaves no file', async () => {
    const userData = tempDir()
    safeStorage.backend = 'basic_text'
    const plain = await createAppSigningKeyStore(userData, 'linux')
    await expect(plain.create('Ana')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: /plain text/ })
    safeStorage.backend = 'gnome_libsecret'
    safeStorage.available = false
    const none = await createAppSigningKeyStore(userData, 'darwin')
    await expect(none.create('Ana')).rejects.toThrow(/not available/)
    expect(existsSync(join(userData, SIGNING_KEY_FILE))).toBe(false)
  })
})
