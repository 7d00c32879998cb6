import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEncryptedFileSecretStore } from '../../../../electron/main/core/secrets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { fakeKeychain } from '../fake-secrets'

const tempDir = useTempHomes()
const key = 'sk-live-0123456789abcdef'

describe('the encrypted key file', () => {
  it('stores ciphertext only, owner-only, and reads it back in a new store', async () => {
    const dir = tempDir()
    const store = await fakeKeychain(dir)
    expect(store.info()).toEqual({ kind: 'safe-storage', canStoreKeys: true, reason: null })
    await store.set('openai', key)
    await store.set('my-vllm', 'local-key')
    expect(store.get('openai')).toBe(key)
    const text = readFileSync(join(dir, 'keys.json'), 'utf8')
    expect(text).not.toContain(key)
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['my-vllm', 'openai'])
    if (process.platform !== 'win32') expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600)
    const again = await fakeKeychain(dir)
    expect([again.get('openai'), again.get('my-vllm'), again.get('other')]).toEqual([
      key,
      'local-key',
      undefined,
    ])
  })

  it('forgets a key with null, and leaves no temporary files behind', async () => {
    const dir = tempDir()
    const store = await fakeKeychain(dir)
    await store.set('openai', key)
    await store.set('openai', null)
    expect(store.get('openai')).toBeUndefined()
    expect(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'))).toEqual({})
    expect(readdirSync(dir)).toEqual(['keys.json'])
  })

  it('applies concurrent changes in call order', async () => {
    const dir = tempDir()
    let delay = 30
    const store = await createEncryptedFileSecretStore({
      file: join(dir, 'keys.json'),
      unavailableReason: null,
      // The first encryption is the slowest: without a queue the older key would land last.
      encrypt: (text) => new Promise((done) => setTimeout(() => done(Buffer.from(text)), (delay -= 10))),
      decrypt: (data) => Promise.resolve(Buffer.from(data).toString()),
    })
    await Promise.all([
      store.set('openai', 'first'),
      store.set('openai', 'second'),
      store.set('openai', 'third'),
    ])
    expect(store.get('openai')).toBe('third')
  })

  it('keeps the key it had and leaves no temporary file when a write fails', async () => {
    const dir = tempDir()
    const store = await fakeKeychain(dir)
    await store.set('openai', key)
    const file = join(dir, 'keys.json')
    rmSync(file)
    mkdirSync(file) // a directory where the file should be: the rename fails
    await expect(store.set('openai', 'next')).rejects.toThrow()
    expect(store.get('openai')).toBe(key)
    expect(readdirSync(dir)).toEqual(['keys.json'])
    // The queue is not stuck after a failure.
    rmSync(file, { recursive: true })
    await store.set('openai', 'next')
    expect(store.get('openai')).toBe('next')
  })

  it('refuses to store keys when the OS cannot protect them, naming the variable to use', async () => {
    const dir = tempDir()
    const store = await fakeKeychain(dir, 'No OS keyring is available.')
    expect(store.info()).toEqual({
      kind: 'safe-storage',
      canStoreKeys: false,
      reason: 'No OS keyring is available.',
    })
    await expect(store.set('my-vllm', key)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/No OS keyring.*EVALLAB_MY_VLLM_API_KEY/),
    })
    expect(readdirSync(dir)).toEqual([])
  })

  it('never overwrites a key file it cannot read', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'keys.json'), '{ not json')
    const store = await fakeKeychain(dir)
    expect(store.info().canStoreKeys).toBe(false)
    expect(store.info().reason).toMatch(/unreadable/)
    await expect(store.set('openai', key)).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(readFileSync(join(dir, 'keys.json'), 'utf8')).toBe('{ not json')
  })

  it('treats a key that no longer decrypts as missing but keeps it in the file', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ old: Buffer.from('garbage').toString('base64') }))
    const store = await fakeKeychain(dir)
    expect(store.get('old')).toBeUndefined()
    await store.set('openai', key)
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as object).sort()).toEqual([
      'old',
      'openai',
    ])
  })
})
