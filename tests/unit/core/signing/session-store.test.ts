import { createHash, createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../../shared/contract'
import { createSessionSigningKeyStore, keyIdOf } from '../../../../electron/main/core/signing'

const message = Buffer.from('{"statement":"v4 × sim-03 is the baseline"}')

/** Checks a signature the way `verify` and any other reader does: with the exported SPKI public key only. */
function verifies(publicKey: string, signature: Buffer, data: Uint8Array = message): boolean {
  const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' })
  return verify(null, data, key, signature)
}

describe('session signing key store', () => {
  it('creates Ed25519 keys named by the first 16 hex of sha256 of the raw public key', async () => {
    const store = createSessionSigningKeyStore(() => '2026-11-01T10:00:00.000Z')
    const key = await store.create('Priya Shah')
    const der = Buffer.from(key.publicKey, 'base64')
    expect(der).toHaveLength(44)
    const raw = der.subarray(12)
    expect(key).toEqual({
      keyId: createHash('sha256').update(raw).digest('hex').slice(0, 16),
      owner: 'Priya Shah',
      createdAt: '2026-11-01T10:00:00.000Z',
      publicKey: key.publicKey,
      storage: 'session',
    })
    expect(keyIdOf(der)).toBe(key.keyId)
    expect(store.list()).toEqual([key])
    expect(JSON.stringify(store.list())).not.toMatch(/private/i)
  })

  it('signs with the private key so the public key verifies, and nothing else does', async () => {
    const store = createSessionSigningKeyStore()
    const [a, b] = [await store.create('Ana'), await store.create('Ben')]
    const signature = store.sign(a.keyId, message)
    expect(verifies(a.publicKey, signature)).toBe(true)
    expect(verifies(b.publicKey, signature)).toBe(false)
    expect(verifies(a.publicKey, signature, Buffer.from('something else'))).toBe(false)
  })

  it('refuses an unknown key with NOT_FOUND and forgets deleted keys', async () => {
    const store = createSessionSigningKeyStore()
    const key = await store.create('Ana')
    expect(await store.delete(key.keyId)).toBe(true)
    expect(await store.delete(key.keyId)).toBe(false)
    expect(store.list()).toEqual([])
    let thrown: unknown
    try {
      store.sign(key.keyId, message)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(AppError)
    expect((thrown as AppError).code).toBe('NOT_FOUND')
  })
})
