import Database from 'better-sqlite3'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core, CoreOptions } from '../../../../electron/main/core'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { PriceOverride, ProviderList, ProviderView } from '../../../../shared/domain/providers'
import type { Run } from '../../../../shared/domain/runs'
import { useTempHomes } from '../../../fixtures/temp-home'
import { call, demoCore, failure, promptNamed } from '../core-calls'
import { fakeKeychain } from '../fake-secrets'

const tempHome = useTempHomes()
const ollama = {
  name: 'ollama',
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:11434/v1',
  concurrency: 3,
}

function open(home: string, env: Record<string, string> = {}, extra: Partial<CoreOptions> = {}): Core {
  return demoCore(home, { runner: { env, demoLatencyScale: 1, flushMs: 20 }, ...extra })
}

async function viewOf(core: Core, name: string): Promise<ProviderView | undefined> {
  return (await call<ProviderList>(core, 'providers.list', {})).providers.find((p) => p.name === name)
}

function auditOf(home: string, entityType: string): { action: string; entity_id: string; details: string }[] {
  const db = new Database(join(home, 'evallab.db'), { readonly: true })
  try {
    return db
      .prepare('SELECT action, entity_id, details FROM audit_log WHERE entity_type = ? ORDER BY id')
      .all(entityType) as { action: string; entity_id: string; details: string }[]
  } finally {
    db.close()
  }
}

describe('providers.list', () => {
  it('lists the built-ins with their defaults and where each key comes from', async () => {
    const core = open(tempHome(), { OPENAI_API_KEY: 'sk-env' })
    const list = await call<ProviderList>(core, 'providers.list', {})
    expect(list.secretStore).toMatchObject({ kind: 'environment', canStoreKeys: false })
    expect(list.providers).toEqual([
      {
        name: 'openai',
        kind: 'openai',
        baseUrl: null,
        concurrency: 8,
        requestsPerMinute: null,
        locality: 'auto',
        isLocal: false,
        localityReason: 'hosted API',
        requestTimeoutMs: null,
        idleTimeoutMs: null,
        apiVersion: null,
        region: null,
        deployments: {},
        keySource: 'environment',
        keyEnvVar: 'OPENAI_API_KEY',
        builtIn: true,
      },
      expect.objectContaining({ name: 'anthropic', concurrency: 4, keySource: 'none', builtIn: true }),
      expect.objectContaining({ name: 'demo', kind: 'demo', concurrency: 8, keySource: 'not-needed' }),
    ])
    core.close()
  })
})

describe('providers.save', () => {
  it('stores locality and timeouts, and says whether the provider is free and why', async () => {
    const core = open(tempHome())
    const gateway = {
      name: 'gateway',
      kind: 'openai-compatible',
      baseUrl: 'https://llm-gateway.example.com/v1',
      concurrency: 4,
    }
    expect(await call<ProviderView>(core, 'providers.save', gateway)).toMatchObject({
      locality: 'auto',
      isLocal: false,
      localityReason: 'public address',
      requestTimeoutMs: null,
      idleTimeoutMs: null,
    })
    await call(core, 'providers.save', {
      ...gateway,
      locality: 'local',
      requestTimeoutMs: 20_000,
      idleTimeoutMs: 3_000,
    })
    const listed = (await call<ProviderList>(core, 'providers.list', {})).providers.find(
      (p) => p.name === 'gateway',
    )
    expect(listed).toMatchObject({
      locality: 'local',
      isLocal: true,
      localityReason: 'marked local',
      requestTimeoutMs: 20_000,
      idleTimeoutMs: 3_000,
    })
    const refused = await core.dispatch('providers.save', { ...gateway, idleTimeoutMs: 100 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    core.close()
  })

  it('adds a provider, then updates it, each with an audit entry', async () => {
    const home = tempHome()
    const core = open(home)
    const added = await call<ProviderView>(core, 'providers.save', ollama)
    expect(added).toMatchObject({ ...ollama, requestsPerMinute: null, keySource: 'none', builtIn: false })
    const updated = await call<ProviderView>(core, 'providers.save', { ...ollama, requestsPerMinute: 120 })
    expect(updated.requestsPerMinute).toBe(120)
    expect((await call<ProviderList>(core, 'providers.list', {})).providers.map((p) => p.name)).toEqual([
      'openai',
      'anthropic',
      'demo',
      'ollama',
    ])
    const audit = auditOf(home, 'provider')
    expect(audit.map((a) => a.action)).toEqual(['provider.added', 'provider.updated'])
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({ requestsPerMinute: 120 })
    core.close()
  })

  it('configures a built-in without changing its kind', async () => {
    const core = open(tempHome())
    await call(core, 'providers.save', {
      name: 'openai',
      kind: 'openai',
      concurrency: 2,
      requestsPerMinute: 60,
    })
    expect(await viewOf(core, 'openai')).toMatchObject({
      concurrency: 2,
      requestsPerMinute: 60,
      builtIn: true,
    })
    const changed = await failure(core, 'providers.save', {
      name: 'openai',
      kind: 'anthropic',
      concurrency: 2,
    })
    expect(changed).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/always of kind openai/),
    })
    core.close()
  })

  it('refuses a compatible provider without a base URL, a non-http URL and credentials in the URL', async () => {
    const core = open(tempHome())
    const missing = await failure(core, 'providers.save', { ...ollama, baseUrl: null })
    expect(missing.message).toMatch(/needs a base URL/)
    expect((await failure(core, 'providers.save', { ...ollama, baseUrl: 'file:///etc/passwd' })).code).toBe(
      'INVALID_INPUT',
    )
    const withUser = await failure(core, 'providers.save', { ...ollama, baseUrl: 'https://me:sk-x@host/v1' })
    expect(withUser.message).toMatch(/must not contain a user name or password/)
    expect((await failure(core, 'providers.save', { ...ollama, name: 'My Server' })).code).toBe(
      'INVALID_INPUT',
    )
    expect(await viewOf(core, 'ollama')).toBeUndefined()
    core.close()
  })
})

describe('providers.delete', () => {
  it('refuses built-ins and unknown names, deletes the rest with its stored key', async () => {
    const home = tempHome()
    const keychain = await fakeKeychain(tempHome())
    const core = open(home, {}, { secrets: keychain })
    expect((await failure(core, 'providers.delete', { name: 'openai' })).message).toMatch(/built-in/)
    expect((await failure(core, 'providers.delete', { name: 'nope' })).code).toBe('NOT_FOUND')
    await call(core, 'providers.save', ollama)
    await call(core, 'providers.setKey', { name: 'ollama', apiKey: 'local-key' })
    expect(await call(core, 'providers.delete', { name: 'ollama' })).toBeNull()
    expect(await viewOf(core, 'ollama')).toBeUndefined()
    expect(keychain.get('ollama')).toBeUndefined()
    expect(auditOf(home, 'provider').map((a) => a.action)).toEqual([
      'provider.added',
      'provider.keySet',
      'provider.deleted',
    ])
    core.close()
  })

  it('refuses while an unfinished run may still call the provider', async () => {
    const core = open(tempHome())
    await call(core, 'providers.save', { name: 'sim', kind: 'demo', concurrency: 1 })
    const triage = await promptNamed(core, 'Ticket triage')
    const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
    const run = await call<Run>(core, 'runs.start', {
      name: 'uses sim',
      promptVersionIds: [triage.version.id],
      models: [{ provider: 'sim', model: 'triage-sim-2026-03' }],
      datasetId: dataset?.id,
    })
    await call(core, 'runs.pause', { id: run.id })
    const refused = await failure(core, 'providers.delete', { name: 'sim' })
    expect(refused).toMatchObject({ code: 'CONFLICT', details: { runs: ['uses sim'] } })
    await call(core, 'runs.cancel', { id: run.id })
    expect(await call(core, 'providers.delete', { name: 'sim' })).toBeNull()
    // A cancelled run may be resumed later: it then says what is missing instead of failing in the background.
    expect(await failure(core, 'runs.resume', { id: run.id })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Unknown provider "sim": add it in Settings → Providers',
    })
    expect((await call<Run>(core, 'runs.get', { id: run.id })).status).toBe('cancelled')
    core.close()
  })
})

describe('providers.setKey', () => {
  it('stores a key in the keychain store, never returning it, and removes it with null', async () => {
    const home = tempHome()
    const core = open(home, { OPENAI_API_KEY: 'sk-env' }, { secrets: await fakeKeychain(tempHome()) })
    const view = await call<ProviderView>(core, 'providers.setKey', {
      name: 'openai',
      apiKey: 'sk-stored-123',
    })
    expect(view).toMatchObject({ name: 'openai', keySource: 'keychain' })
    expect(JSON.stringify(view)).not.toContain('sk-stored-123')
    const removed = await call<ProviderView>(core, 'providers.setKey', { name: 'openai', apiKey: null })
    expect(removed.keySource).toBe('environment')
    const audit = auditOf(home, 'provider')
    expect(audit.map((a) => [a.action, a.details])).toEqual([
      ['provider.keySet', '{}'],
      ['provider.keyRemoved', '{}'],
    ])
    core.close()
  })

  it('refuses where keys come from the environment, for demo and for unknown providers', async () => {
    const core = open(tempHome())
    await call(core, 'providers.save', { ...ollama, name: 'my-vllm' })
    expect(await failure(core, 'providers.setKey', { name: 'my-vllm', apiKey: 'k' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/set EVALLAB_MY_VLLM_API_KEY and restart/),
    })
    expect((await failure(core, 'providers.setKey', { name: 'demo', apiKey: 'k' })).message).toMatch(
      /needs no key/,
    )
    expect((await failure(core, 'providers.setKey', { name: 'nope', apiKey: 'k' })).code).toBe('NOT_FOUND')
    core.close()
  })

  it('keeps Azure keys as any other, names an Entra token by its variable, and takes no key for Bedrock', async () => {
    const env = { AZURE_OPENAI_AD_TOKEN: 'entra-secret-token' }
    const core = open(tempHome(), env, { secrets: await fakeKeychain(tempHome()) })
    const azure = { name: 'azure-prod', kind: 'azure-openai', baseUrl: 'https://acme.openai.azure.com' }
    await call(core, 'providers.save', { ...azure, apiVersion: '2024-10-21', concurrency: 4 })
    const byToken = await viewOf(core, 'azure-prod')
    expect(byToken).toMatchObject({ keySource: 'environment', keyEnvVar: 'AZURE_OPENAI_AD_TOKEN' })
    expect(JSON.stringify(byToken)).not.toContain('entra-secret-token')
    const keyed = await call<ProviderView>(core, 'providers.setKey', { name: 'azure-prod', apiKey: 'az-key' })
    expect(keyed).toMatchObject({ keySource: 'keychain', keyEnvVar: 'EVALLAB_AZURE_PROD_API_KEY' })
    const bedrock = { name: 'bedrock-eu', kind: 'bedrock', region: 'eu-central-1', concurrency: 2 }
    expect(await call<ProviderView>(core, 'providers.save', bedrock)).toMatchObject({
      keySource: 'cloud-credentials',
    })
    expect(await failure(core, 'providers.setKey', { name: 'bedrock-eu', apiKey: 'k' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Provider "bedrock-eu" signs calls with the AWS credential chain: it takes no key',
    })
    core.close()
  })
})

describe('prices', () => {
  const price = { provider: 'openai', model: 'gpt-4o-mini', inputPerMTok: 0.1, outputPerMTok: 0.5 }

  it('saves, lists, updates and deletes overrides with audit entries', async () => {
    const home = tempHome()
    const core = open(home)
    expect(await call(core, 'prices.save', price)).toEqual({ ...price, cachedInputPerMTok: null })
    await call(core, 'prices.save', { ...price, inputPerMTok: 0.08, cachedInputPerMTok: 0.02 })
    await call(core, 'prices.save', { ...price, provider: 'ollama', model: 'llama3.1:8b' })
    const list = await call<PriceOverride[]>(core, 'prices.list', {})
    expect(list.map((p) => [p.provider, p.model, p.inputPerMTok])).toEqual([
      ['ollama', 'llama3.1:8b', 0.1],
      ['openai', 'gpt-4o-mini', 0.08],
    ])
    expect(await call(core, 'prices.delete', { provider: 'openai', model: 'gpt-4o-mini' })).toBeNull()
    expect((await failure(core, 'prices.delete', { provider: 'openai', model: 'gpt-4o-mini' })).code).toBe(
      'NOT_FOUND',
    )
    expect(await call<PriceOverride[]>(core, 'prices.list', {})).toHaveLength(1)
    const audit = auditOf(home, 'price')
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['price.saved', 'openai/gpt-4o-mini'],
      ['price.saved', 'openai/gpt-4o-mini'],
      ['price.saved', 'ollama/llama3.1:8b'],
      ['price.deleted', 'openai/gpt-4o-mini'],
    ])
    expect(JSON.parse(audit[1]?.details ?? '{}')).toMatchObject({
      before: { inputPerMTok: 0.1 },
      after: { inputPerMTok: 0.08 },
    })
    core.close()
  })

  it('refuses negative prices and an empty model', async () => {
    const core = open(tempHome())
    expect((await failure(core, 'prices.save', { ...price, inputPerMTok: -1 })).code).toBe('INVALID_INPUT')
    expect((await failure(core, 'prices.save', { ...price, model: ' ' })).code).toBe('INVALID_INPUT')
    core.close()
  })
})
