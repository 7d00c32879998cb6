import { afterEach, describe, expect, it, vi } from 'vitest'
import { costOf, priceTableFor, pricedProvider } from '../../../../../electron/main/core/llm/cost'
import { createProvider } from '../../../../../electron/main/core/llm/providers'
import {
  azureBaseUrl,
  createAzureOpenAiProvider,
  type AzureOpenAiProviderOptions,
} from '../../../../../electron/main/core/llm/providers/azure-openai'
import type { ProviderSettings } from '../../../../../electron/main/core/llm/providers/settings'
import { ProviderError, type ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import { createEnvironmentSecretStore, resolveProviderKey } from '../../../../../electron/main/core/secrets'
import type { MockLlmServer } from '../../../../fixtures/mock-llm'
import { rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()
afterEach(() => vi.unstubAllEnvs())

const API_VERSION = '2024-10-21'
/** As deployed on the "resource": deployment → the model it serves. */
const deployed = { 'prod-mini': 'gpt-4o-mini', 'gpt-4o': 'gpt-4o' }

const request = (model: string, overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'Classify the ticket.' },
    { role: 'user', content: 'My invoice is wrong.' },
  ],
  model: { provider: 'azure-prod', model },
  params: { temperature: 0, maxTokens: 64 },
  caseKey: `case-${model}`,
  timeoutMs: 5_000,
  ...overrides,
})

function azure(server: MockLlmServer, options: Partial<AzureOpenAiProviderOptions> = {}) {
  return createAzureOpenAiProvider({
    id: 'azure-prod',
    endpoint: server.url,
    apiVersion: API_VERSION,
    apiKey: 'azure-key-1234',
    deployments: { 'gpt-4o-mini': 'prod-mini' },
    ...options,
  })
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

describe('Azure OpenAI adapter against the mock, through the SDK', () => {
  it("calls the model's deployment with api-version and api-key; the answer echoes the model", async () => {
    const server = await start({ azureDeployments: deployed, apiKey: 'azure-key-1234', recordRequests: 5 })
    const provider = azure(server)
    const mini = await provider.chat(request('gpt-4o-mini'))
    expect(mini.raw).toMatchObject({ model: 'gpt-4o-mini' })
    const seen = server.requests[0]?.request
    expect(seen?.model).toBe('gpt-4o-mini')
    expect(seen?.body['model']).toBe('prod-mini')
    expect(seen?.headers['api-key']).toBe('azure-key-1234')
    expect(seen?.headers.authorization).toBeUndefined()
    // A model without a mapping is called through a deployment of its own name.
    const big = await provider.chat(request('gpt-4o'))
    expect(big.raw).toMatchObject({ model: 'gpt-4o' })
    expect(server.requests[1]?.request.body['model']).toBe('gpt-4o')
  })

  it('prices a call as the underlying OpenAI model, cached tokens included, never by the deployment name', async () => {
    const server = await start({
      azureDeployments: deployed,
      responder: () => ({ text: 'billing', cachedTokens: 4 }),
    })
    const response = await azure(server).chat(request('gpt-4o-mini'))
    expect(response.usage.cachedTokens).toBe(4)
    const settings: ProviderSettings = { kind: 'azure-openai', baseUrl: server.url, concurrency: 2 }
    const providers = new Map([['azure-prod', pricedProvider(settings)]])
    const [price, byDeployment] = await priceTableFor(
      [
        { provider: 'azure-prod', model: 'gpt-4o-mini' },
        { provider: 'azure-prod', model: 'prod-mini' },
      ],
      { overrides: [], providers },
    )
    expect(price).toMatchObject({ source: 'genai-prices', inputPerMTok: 0.15, outputPerMTok: 0.6 })
    expect(price?.cachedInputPerMTok).toBe(0.075)
    expect(byDeployment?.source).toBe('unknown')
    const { inputTokens, outputTokens } = response.usage
    const expected = ((inputTokens - 4) * 0.15 + 4 * 0.075 + outputTokens * 0.6) / 1_000_000
    expect(costOf(price, response.usage)).toBeCloseTo(expected, 12)
    expect(costOf(price, response.usage)).toBeGreaterThan(0)
  })

  it('sends a Microsoft Entra token as a Bearer token, never as api-key', async () => {
    const server = await start({ azureDeployments: deployed, apiKey: 'entra-token-xyz', recordRequests: 2 })
    const provider = azure(server, { apiKey: 'entra-token-xyz', credential: 'entra-token' })
    expect((await provider.chat(request('gpt-4o-mini'))).text).toMatch(/^Mock answer/)
    const seen = server.requests[0]?.request
    expect(seen?.headers.authorization).toBe('Bearer entra-token-xyz')
    expect(seen?.headers['api-key']).toBeUndefined()
  })

  it('names the deployment and the model when Azure has no such deployment (a client error)', async () => {
    const server = await start({ azureDeployments: deployed })
    const provider = azure(server, { deployments: { 'gpt-4o-mini': 'staging-mini' } })
    const error = await providerError(provider.chat(request('gpt-4o-mini')))
    expect(error).toMatchObject({ kind: 'client', status: 404 })
    expect(error.message).toContain('deployment "staging-mini" not found for model "gpt-4o-mini"')
    expect(error.message).toContain('provider "azure-prod"')
    const unmapped = await providerError(provider.chat(request('gpt-4.1')))
    expect(unmapped.message).toContain('no deployment is mapped to it, so "gpt-4.1" was tried')
  })

  it('maps 429 with retry-after to rate_limited, 500 to server and a wrong key to auth', async () => {
    const server = await start({ azureDeployments: deployed, apiKey: 'azure-key-1234', retryAfterSeconds: 3 })
    server.setBehavior({ faultsFor: (key) => ({ a: ['429' as const], b: ['500' as const] })[key] })
    const provider = azure(server)
    const limited = await providerError(provider.chat(request('gpt-4o-mini', { caseKey: 'a' })))
    expect(limited).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 3000 })
    const failed = await providerError(provider.chat(request('gpt-4o-mini', { caseKey: 'b' })))
    expect(failed).toMatchObject({ kind: 'server', status: 500 })
    const refused = await providerError(azure(server, { apiKey: 'wrong-key-5678' }).chat(request('gpt-4o')))
    expect(refused).toMatchObject({ kind: 'auth', status: 401 })
    expect(refused.message).not.toContain('wrong-key-5678')
  })

  it("ignores the openai SDK's own variables (OPENAI_BASE_URL, AZURE_OPENAI_API_KEY, OPENAI_API_VERSION)", async () => {
    vi.stubEnv('OPENAI_BASE_URL', 'http://127.0.0.1:9/v1')
    vi.stubEnv('AZURE_OPENAI_API_KEY', 'not-this-one')
    vi.stubEnv('OPENAI_API_VERSION', '1999-01-01')
    const server = await start({ azureDeployments: deployed, apiKey: 'azure-key-1234', recordRequests: 1 })
    await azure(server).chat(request('gpt-4o-mini'))
    const url = server.requests[0]?.request.headers.host
    expect(url).toBe(new URL(server.url).host)
  })

  it('is built by createProvider from settings, with the Entra token when the key resolution found one', async () => {
    const server = await start({ azureDeployments: deployed, apiKey: 'tok-from-env', recordRequests: 1 })
    const env = { AZURE_OPENAI_AD_TOKEN: 'tok-from-env' }
    const key = resolveProviderKey('azure-prod', 'azure-openai', createEnvironmentSecretStore(env), env)
    expect(key).toMatchObject({
      source: 'environment',
      envVar: 'AZURE_OPENAI_AD_TOKEN',
      credential: 'entra-token',
    })
    const settings: ProviderSettings = {
      kind: 'azure-openai',
      baseUrl: `${server.url}/openai/`,
      apiVersion: API_VERSION,
      concurrency: 2,
      apiKey: 'tok-from-env',
      apiKeyKind: 'entra-token',
      deployments: { 'gpt-4o-mini': 'prod-mini' },
    }
    await createProvider('azure-prod', settings).chat(request('gpt-4o-mini'))
    expect(server.requests[0]?.request.headers.authorization).toBe('Bearer tok-from-env')
  })
})

describe('Azure OpenAI key resolution and endpoint', () => {
  const resolve = (env: Record<string, string>, name = 'azure-prod') =>
    resolveProviderKey(name, 'azure-openai', createEnvironmentSecretStore(env), env)

  it('prefers a key to a token, and the provider’s own variables to the vendor’s', () => {
    const token = { AZURE_OPENAI_AD_TOKEN: 'vendor-tok', EVALLAB_AZURE_PROD_AD_TOKEN: 'own-tok' }
    expect(resolve(token)).toMatchObject({ apiKey: 'own-tok', envVar: 'EVALLAB_AZURE_PROD_AD_TOKEN' })
    expect(resolve({ AZURE_OPENAI_AD_TOKEN: 'vendor-tok' }).envVar).toBe('AZURE_OPENAI_AD_TOKEN')
    const keyed = resolve({ ...token, AZURE_OPENAI_API_KEY: 'k' })
    expect(keyed).toEqual({ apiKey: 'k', source: 'environment', envVar: 'AZURE_OPENAI_API_KEY' })
    expect(resolve({})).toMatchObject({ source: 'none', envVar: 'EVALLAB_AZURE_PROD_API_KEY' })
    // Other kinds never read an Azure token.
    const env = { AZURE_OPENAI_AD_TOKEN: 't' }
    expect(resolveProviderKey('acme', 'openai', createEnvironmentSecretStore(env), env).source).toBe('none')
  })

  it('accepts an endpoint with or without /openai and trailing slashes', () => {
    expect(azureBaseUrl('https://acme.openai.azure.com/')).toBe('https://acme.openai.azure.com/openai')
    expect(azureBaseUrl('https://acme.openai.azure.com/openai/')).toBe('https://acme.openai.azure.com/openai')
  })
})

describe("the mock's Azure route", () => {
  it('refuses a call without api-version (400) and an unknown deployment (404 DeploymentNotFound)', async () => {
    const server = await start({ azureDeployments: deployed })
    const body = JSON.stringify({ model: 'x', messages: [{ role: 'user', content: 'hi' }] })
    const post = (path: string) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'api-key': 'k' }, body })
    const noVersion = await post('/openai/deployments/prod-mini/chat/completions')
    expect(noVersion.status).toBe(400)
    const missing = await post(`/openai/deployments/nope/chat/completions?api-version=${API_VERSION}`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'DeploymentNotFound' } })
    const ok = await post(`/openai/deployments/prod-mini/chat/completions?api-version=${API_VERSION}`)
    expect(await ok.json()).toMatchObject({ model: 'gpt-4o-mini' })
  })
})
