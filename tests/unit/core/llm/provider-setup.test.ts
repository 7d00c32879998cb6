import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCoreContext, type CoreContext } from '../../../../electron/main/core/context'
import { openConnection, type Db } from '../../../../electron/main/core/db/connection'
import { planSettings } from '../../../../electron/main/core/runs/plan'
import { resolveSettings } from '../../../../electron/main/core/llm/provider-setup'
import type { RunnerOptions } from '../../../../electron/main/core/runs/run-options'
import type { SecretStore } from '../../../../electron/main/core/secrets'
import type { ProviderConfig } from '../../../../shared/domain/providers'
import { fixedClock, useTempHomes } from '../../../fixtures/temp-home'
import { demoCore } from '../core-calls'
import { fakeKeychain } from '../fake-secrets'

const tempHome = useTempHomes()

function context(): CoreContext & { db: Db } {
  const home = tempHome()
  demoCore(home, { seedDemo: false }).close()
  const db = openConnection(join(home, 'evallab.db'))
  return { ...createCoreContext(db, { user: 'tester', now: fixedClock() }), db }
}

function store(
  ctx: CoreContext,
  config: Partial<ProviderConfig> & Pick<ProviderConfig, 'name' | 'kind'>,
): void {
  ctx.repos.providerSettings.upsert(
    {
      baseUrl: null,
      concurrency: 1,
      requestsPerMinute: null,
      locality: 'auto',
      requestTimeoutMs: null,
      idleTimeoutMs: null,
      apiVersion: null,
      region: null,
      deployments: {},
      ...config,
    },
    't',
  )
}

async function keychainWith(keys: Record<string, string>): Promise<SecretStore> {
  const secrets = await fakeKeychain(tempHome())
  for (const [name, key] of Object.entries(keys)) await secrets.set(name, key)
  return secrets
}

describe('resolveSettings', () => {
  it('uses injected settings first (tests), whatever is stored', () => {
    const ctx = context()
    store(ctx, { name: 'openai', kind: 'openai', concurrency: 2 })
    const given = { kind: 'openai' as const, apiKey: 'test', concurrency: 16 }
    expect(resolveSettings(ctx, 'openai', { providerSettings: { openai: given } })).toBe(given)
    ctx.db.close()
  })

  it('then the stored row with the keychain key, which wins over the environment', async () => {
    const ctx = context()
    store(ctx, {
      name: 'openai',
      kind: 'openai',
      baseUrl: 'https://gateway.example/v1',
      concurrency: 2,
      requestsPerMinute: 60,
    })
    const options: RunnerOptions = {
      env: { OPENAI_API_KEY: 'from-env', EVALLAB_OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' },
      secrets: await keychainWith({ openai: 'from-keychain' }),
    }
    expect(resolveSettings(ctx, 'openai', options)).toEqual({
      kind: 'openai',
      isLocal: false,
      baseUrl: 'https://gateway.example/v1',
      apiKey: 'from-keychain',
      concurrency: 2,
      requestsPerMinute: 60,
    })
    ctx.db.close()
  })

  it('falls back to EVALLAB_<NAME>_API_KEY, then the vendor variable, for a stored provider', async () => {
    const ctx = context()
    store(ctx, { name: 'openai-work', kind: 'openai', concurrency: 3 })
    const secrets = await keychainWith({})
    const env = { OPENAI_API_KEY: 'vendor', EVALLAB_OPENAI_WORK_API_KEY: 'own' }
    expect(resolveSettings(ctx, 'openai-work', { env, secrets })).toEqual({
      kind: 'openai',
      isLocal: false,
      apiKey: 'own',
      concurrency: 3,
    })
    expect(resolveSettings(ctx, 'openai-work', { env: { OPENAI_API_KEY: 'vendor' }, secrets }).apiKey).toBe(
      'vendor',
    )
    ctx.db.close()
  })

  it('builds a built-in from its defaults and the environment when nothing is stored', () => {
    const ctx = context()
    const env = { ANTHROPIC_API_KEY: 'a-key', EVALLAB_ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/' }
    expect(resolveSettings(ctx, 'anthropic', { env })).toEqual({
      kind: 'anthropic',
      isLocal: false,
      baseUrl: 'http://127.0.0.1:9/',
      apiKey: 'a-key',
      concurrency: 4,
    })
    expect(resolveSettings(ctx, 'demo', { env: {} })).toEqual({ kind: 'demo', isLocal: true, concurrency: 8 })
    ctx.db.close()
  })

  it('names the provider and what to do when something is missing', () => {
    const ctx = context()
    expect(() => resolveSettings(ctx, 'openai', { env: {} })).toThrow(
      'No API key for provider "openai": add one in Settings → Providers or set OPENAI_API_KEY',
    )
    expect(() => resolveSettings(ctx, 'my-vllm', { env: {} })).toThrow(
      'Unknown provider "my-vllm": add it in Settings → Providers',
    )
    ctx.db.close()
  })

  it('runs a local server without a key, and keeps the old openai-compatible name working from the environment', () => {
    const ctx = context()
    store(ctx, {
      name: 'ollama',
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:11434/v1',
      concurrency: 2,
    })
    expect(resolveSettings(ctx, 'ollama', { env: {} })).toEqual({
      kind: 'openai-compatible',
      isLocal: true,
      baseUrl: 'http://127.0.0.1:11434/v1',
      concurrency: 2,
    })
    const env = { EVALLAB_COMPATIBLE_BASE_URL: 'http://127.0.0.1:8000/v1' }
    expect(resolveSettings(ctx, 'openai-compatible', { env })).toMatchObject({
      kind: 'openai-compatible',
      baseUrl: 'http://127.0.0.1:8000/v1',
    })
    expect(() => resolveSettings(ctx, 'openai-compatible', { env: {} })).toThrow(/Unknown provider/)
    ctx.db.close()
  })

  it('carries locality and timeouts: a hosted gateway is priced, a marked-local one is free', () => {
    const ctx = context()
    store(ctx, {
      name: 'gateway',
      kind: 'openai-compatible',
      baseUrl: 'https://llm-gateway.example.com/v1',
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 4_000,
    })
    store(ctx, {
      name: 'lan-box',
      kind: 'openai-compatible',
      baseUrl: 'https://llm.corp.example/v1',
      locality: 'local',
    })
    expect(resolveSettings(ctx, 'gateway', { env: {} })).toEqual({
      kind: 'openai-compatible',
      isLocal: false,
      baseUrl: 'https://llm-gateway.example.com/v1',
      concurrency: 1,
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 4_000,
    })
    expect(resolveSettings(ctx, 'lan-box', { env: {} }).isLocal).toBe(true)
    ctx.db.close()
  })

  it('lets a plan lower the stored concurrency for its run, never raise it, keeping the stored rate limit', () => {
    const ctx = context()
    store(ctx, { name: 'sim', kind: 'demo', concurrency: 8, requestsPerMinute: 30 })
    const models = [{ provider: 'sim', model: 'triage-sim-2026-03' }]
    expect(planSettings(ctx, models, { sim: 5 }, {}).get('sim')).toEqual({
      kind: 'demo',
      isLocal: true,
      concurrency: 5,
      requestsPerMinute: 30,
    })
    // The provider's concurrency bounds every run on it together, so one run cannot ask for more.
    expect(planSettings(ctx, models, { sim: 12 }, {}).get('sim')?.concurrency).toBe(8)
    ctx.db.close()
  })
})
