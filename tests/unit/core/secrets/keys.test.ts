import { describe, expect, it } from 'vitest'
import {
  createEnvironmentSecretStore,
  resolveProviderKey,
  type SecretStore,
} from '../../../../electron/main/core/secrets'
import { useTempHomes } from '../../../fixtures/temp-home'
import { fakeKeychain } from '../fake-secrets'

const tempDir = useTempHomes()

describe('the environment store (browser host, CLI)', () => {
  it('reads EVALLAB_<NAME>_API_KEY, live, and cannot save', async () => {
    const env: Record<string, string | undefined> = { EVALLAB_MY_VLLM_API_KEY: ' v-key ' }
    const store = createEnvironmentSecretStore(env)
    expect(store.info()).toMatchObject({ kind: 'environment', canStoreKeys: false })
    expect(store.get('my-vllm')).toBe('v-key')
    env.EVALLAB_MY_VLLM_API_KEY = ''
    expect(store.get('my-vllm')).toBeUndefined()
    await expect(store.set('my-vllm', 'x')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message:
        'In the browser host and the CLI keys are read from the environment: set EVALLAB_MY_VLLM_API_KEY and restart',
    })
  })
})

describe('resolveProviderKey', () => {
  const env = { OPENAI_API_KEY: 'vendor', EVALLAB_WORK_API_KEY: 'own', ANTHROPIC_API_KEY: '' }

  it('prefers the keychain, then EVALLAB_<NAME>_API_KEY, then the vendor variable', async () => {
    const keychain = await fakeKeychain(tempDir())
    await keychain.set('openai', 'stored')
    expect(resolveProviderKey('openai', 'openai', keychain, env)).toEqual({
      apiKey: 'stored',
      source: 'keychain',
      envVar: 'OPENAI_API_KEY',
    })
    expect(resolveProviderKey('work', 'openai', keychain, env)).toEqual({
      apiKey: 'own',
      source: 'environment',
      envVar: 'EVALLAB_WORK_API_KEY',
    })
    expect(resolveProviderKey('other', 'openai', keychain, env)).toEqual({
      apiKey: 'vendor',
      source: 'environment',
      envVar: 'OPENAI_API_KEY',
    })
  })

  it('says where a key would go when there is none, and that demo needs none', () => {
    const store: SecretStore = createEnvironmentSecretStore(env)
    expect(resolveProviderKey('anthropic', 'anthropic', store, env)).toEqual({
      source: 'none',
      envVar: 'ANTHROPIC_API_KEY',
    })
    expect(resolveProviderKey('ollama', 'openai-compatible', store, env)).toEqual({
      source: 'none',
      envVar: 'EVALLAB_OLLAMA_API_KEY',
    })
    expect(resolveProviderKey('demo', 'demo', store, env).source).toBe('not-needed')
  })

  it('reports a key found by the environment store as coming from the environment', () => {
    const store = createEnvironmentSecretStore(env)
    expect(resolveProviderKey('work', 'openai-compatible', store, env)).toMatchObject({
      apiKey: 'own',
      source: 'environment',
    })
  })
})
