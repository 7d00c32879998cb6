import { describe, expect, it } from 'vitest'
import { createAnthropicProvider } from '../../../../../electron/main/core/llm/providers/anthropic'
import { createAzureOpenAiProvider } from '../../../../../electron/main/core/llm/providers/azure-openai'
import { createOpenAiProvider } from '../../../../../electron/main/core/llm/providers/openai'
import { ProviderError } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatRequest, Provider } from '../../../../../electron/main/core/llm/providers/types'
import type { FaultKind, MockLlmServer } from '../../../../fixtures/mock-llm'
import { rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()

interface Adapter {
  name: string
  make(server: MockLlmServer, apiKey?: string): Provider
}

/** The same behaviour is asked of every adapter, each through its real SDK over HTTP. */
const adapters: Adapter[] = [
  {
    name: 'openai',
    make: (server, apiKey = 'test-key') =>
      createOpenAiProvider({ id: 'openai', baseUrl: server.openaiBaseUrl, apiKey }),
  },
  {
    name: 'openai-compatible',
    make: (server, apiKey) =>
      createOpenAiProvider({
        id: 'ollama',
        baseUrl: server.openaiBaseUrl,
        compatible: true,
        ...(apiKey ? { apiKey } : {}),
      }),
  },
  {
    name: 'anthropic',
    make: (server, apiKey = 'test-key') =>
      createAnthropicProvider({ id: 'anthropic', baseUrl: server.anthropicBaseUrl, apiKey }),
  },
  {
    name: 'azure-openai',
    make: (server, apiKey = 'test-key') =>
      createAzureOpenAiProvider({ id: 'azure-prod', endpoint: server.url, apiVersion: '2024-10-21', apiKey }),
  },
]

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  model: { provider: 'p', model: 'mock-model' },
  params: { temperature: 0, maxTokens: 64 },
  caseKey: 'case-1',
  timeoutMs: 5_000,
  ...overrides,
})

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

const scripted = (server: MockLlmServer, faults: Record<string, FaultKind[]>): void =>
  server.setBehavior({ faultsFor: (key) => faults[key] })

describe.each(adapters)('$name adapter', (adapter) => {
  it('streams the answer with usage, finish reason and a measured time to first token', async () => {
    const server = await start({ latencyMs: 40, firstTokenMs: 20, recordRequests: 5 })
    const response = await adapter.make(server).chat(request())
    expect(response.text).toMatch(/^Mock answer \w+: /)
    expect(response.finishReason).toMatch(/^(stop|end_turn)$/)
    expect(response.usage.inputTokens).toBeGreaterThan(0)
    expect(response.usage.outputTokens).toBeGreaterThan(0)
    expect(response.usage.cachedTokens).toBe(0)
    expect(response.ttftMs).toBeGreaterThan(0)
    expect(response.ttftMs).toBeLessThanOrEqual(response.totalMs)
    const seen = server.requests[0]?.request
    expect(seen?.stream).toBe(true)
    expect(seen?.key).toBe('case-1')
    expect(seen?.system).toContain('Answer briefly.')
    expect(seen?.maxTokens).toBe(64)
  })

  it('is deterministic for the same request and reports cached prompt tokens', async () => {
    const server = await start({ responder: () => ({ text: 'cached answer', cachedTokens: 3 }) })
    const provider = adapter.make(server)
    const first = await provider.chat(request())
    const second = await provider.chat(request())
    expect(second.text).toBe(first.text)
    expect(first.usage.cachedTokens).toBe(3)
    expect(first.usage.inputTokens).toBeGreaterThan(3)
  })

  it('asks for JSON when the prompt wants a JSON object', async () => {
    const server = await start({ recordRequests: 5 })
    const params = { responseFormat: { type: 'json_object' as const } }
    const response = await adapter.make(server).chat(request({ params }))
    const seen = server.requests[0]?.request
    if (adapter.name === 'anthropic') expect(seen?.system).toMatch(/only with a single JSON object/)
    else {
      expect(seen?.responseFormat).toBe('json_object')
      expect(JSON.parse(response.text)).toHaveProperty('answer')
    }
  })

  it('maps a 429 to rate_limited with the retry-after the server sent', async () => {
    const server = await start({ retryAfterSeconds: 2 })
    scripted(server, { 'case-1': ['429'], 'case-2': ['429'] })
    const error = await providerError(adapter.make(server).chat(request()))
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 2000 })
    server.setBehavior({ retryAfterMs: 1500 })
    const preferMs = await providerError(adapter.make(server).chat(request({ caseKey: 'case-2' })))
    expect(preferMs.retryAfterMs).toBe(1500)
  })

  it('maps a 500 to server, a dropped connection to network and malformed output to server', async () => {
    const server = await start()
    scripted(server, { a: ['500'], b: ['reset'], c: ['malformed'] })
    const provider = adapter.make(server)
    expect(await providerError(provider.chat(request({ caseKey: 'a' })))).toMatchObject({
      kind: 'server',
      status: 500,
    })
    expect((await providerError(provider.chat(request({ caseKey: 'b' })))).kind).toBe('network')
    expect((await providerError(provider.chat(request({ caseKey: 'c' })))).kind).toBe('server')
  })

  it('gives up on a hung call after timeoutMs and reports a timeout', async () => {
    const server = await start()
    scripted(server, { 'case-1': ['hang'] })
    const error = await providerError(adapter.make(server).chat(request({ timeoutMs: 150 })))
    expect(error.kind).toBe('timeout')
  })

  it('reports a cancelled call as cancelled, not as a timeout', async () => {
    const server = await start()
    scripted(server, { 'case-1': ['hang'] })
    const controller = new AbortController()
    const pending = adapter.make(server).chat(request({ signal: controller.signal }))
    setTimeout(() => controller.abort(), 30)
    expect((await providerError(pending)).kind).toBe('cancelled')
  })

  it('maps a 401 to auth without the key in the message', async () => {
    const server = await start({ apiKey: 'the-right-key' })
    const wrongKey = 'sk-wrong-0123456789abcdef'
    const error = await providerError(adapter.make(server, wrongKey).chat(request()))
    expect(error).toMatchObject({ kind: 'auth', status: 401 })
    expect(error.message).not.toContain(wrongKey)
    expect(JSON.stringify(error)).not.toContain(wrongKey)
  })
})

describe('openai-compatible adapter', () => {
  it('works without a key, as local servers need none', async () => {
    const server = await start()
    const provider = createOpenAiProvider({ id: 'ollama', baseUrl: server.openaiBaseUrl, compatible: true })
    expect((await provider.chat(request())).text).toMatch(/^Mock answer/)
  })
})
