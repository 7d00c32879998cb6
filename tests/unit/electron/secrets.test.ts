import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../shared/contract'
import { useTempHomes } from '../../fixtures/temp-home'

const fake = await vi.hoisted(() => import('../../fixtures/fake-electron'))
vi.mock('electron', () => fake.fakeElectron)

const { createAppSecretStore, KEY_FILE, safeStorageRefusal } = await import('../../../electron/main/secrets')
const { safeStorage, resetFakeElectron } = fake
const tempDir = useTempHomes()
const key = 'sk-test-7f3a9c1e5b'

beforeEach(() => resetFakeElectron())
afterEach(() => vi.restoreAllMocks())

describe('safeStorageRefusal', () => {
  it('accepts a real keyring backend with encryption available', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
      safeStorage.backend = backend
      expect(safeStorageRefusal('linux')).toBeNull()
    }
  })

  it('refuses the plain-text backend on Linux, and the backend not known yet', () => {
    safeStorage.backend = 'basic_text'
    expect(safeStorageRefusal('linux')).toMatch(/"basic_text".*plain text/)
    safeStorage.backend = 'unknown'
    expect(safeStorageRefusal('linux')).toMatch(/"unknown"/)
  })

  it('ignores the Linux backend elsewhere but refuses when encryption is unavailable', () => {
    safeStorage.backend = 'basic_text'
    expect(safeStorageRefusal('darwin')).toBeNull()
    safeStorage.available = false
    expect(safeStorageRefusal('darwin')).toMatch(/not available/)
    expect(safeStorageRefusal('win32')).toMatch(/not available/)
  })

  it('turns a throwing safeStorage into a reason instead of a crash', () => {
    vi.spyOn(safeStorage, 'isEncryptionAvailable').mockImplementation(() => {
      throw new Error('keychain locked')
    })
    expect(safeStorageRefusal('darwin')).toMatch(/keychain locked/)
  })
})

describe('createAppSecretStore', () => {
  it('writes only ciphertext, owner-only, to <userData>/provider-keys.json and reads it back', async () => {
    const userData = tempDir()
    const store = await createAppSecretStore(userData, 'linux')
    expect(store.info()).toEqual({ kind: 'safe-storage', canStoreKeys: true, reason: null })
    await store.set('openai', key)
    const file = join(userData, KEY_FILE)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(key)
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['openai'])
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    const reopened = await createAppSecretStore(userData, 'linux')
    expect(reopened.get('openai')).toBe(key)
  })

  it('refuses to store keys over a plain-text backend and leaves no file', async () => {
    safeStorage.backend = 'basic_text'
    const userData = tempDir()
    const store = await createAppSecretStore(userData, 'linux')
    expect(store.info().canStoreKeys).toBe(false)
    const refusal = store.set('my-vllm', key)
    await expect(refusal).rejects.toBeInstanceOf(AppError)
    await expect(refusal).rejects.toThrow(/plain text.*EVALLAB_MY_VLLM_API_KEY/)
    expect(existsSync(join(userData, KEY_FILE))).toBe(false)
  })
})
