import { ApiError } from '@google/genai'
import { describe, expect, it } from 'vitest'
import {
  createGeminiProvider,
  geminiHttpOptions,
} from '../../../../../electron/main/core/llm/providers/gemini'
import { geminiProviderError } from '../../../../../electron/main/core/llm/providers/gemini-errors'
import { ProviderError } from '../../../../../electron/main/core/llm/providers/types'
import type { ChatRequest } from '../../../../../electron/main/core/llm/providers/types'
import type { MockLlmServer, ScriptedFault } from '../../../../fixtures/mock-llm'
import { rejectionOf, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'

const start = useMockLlmServer()

const gemini = (server: MockLlmServer, apiKey = 'gemini-test-key') =>
  createGeminiProvider({ id: 'gemini-eu', baseUrl: server.url, apiKey })

const request = (overrides: Partial<ChatRequest> = {}): ChatRequest => ({
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: 'What is the capital of France?' },
  ],
  model: { provider: 'gemini-eu', model: 'gemini-2.5-flash' },
  params: { temperature: 0, maxTokens: 64, topP: 0.9 },
  caseKey: 'case-1',
  timeoutMs: 5_000,
  ...overrides,
})

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await rejectionOf(promise)
  expect(error).toBeInstanceOf(ProviderError)
  return error as ProviderError
}

const scripted = (server: MockLlmServer, faults: Record<string, ScriptedFault[]>): void =>
  server.setBehavior({ faultsFor: (key) => faults[key] })

describe('gemini adapter through @google/genai against the mock', () => {
  it('streams the answer with usage, finish reason and a measured time to first token', async () => {
    const server = await start({ latencyMs: 40, firstTokenMs: 20, recordRequests: 5 })
    const response = await gemini(server).chat(request())
    expect(response.text).toMatch(/^Mock answer \w+: /)
    expect(response.finishReason).toBe('stop')
    expect(response.usage.inputTokens).toBeGreaterThan(0)
    expect(response.usage.outputTokens).toBeGreaterThan(0)
    expect(response.usage.cachedTokens).toBe(0)
    expect(response.ttftMs).toBeGreaterThan(0)
    expect(response.ttftMs).toBeLessThanOrEqual(response.totalMs)
    expect(response.raw).toMatchObject({ model: 'gemini-2.5-flash' })
    const seen = server.requests[0]?.request
    expect(seen).toMatchObject({ api: 'gemini', model: 'gemini-2.5-flash', stream: true, key: 'case-1' })
    expect(seen?.system).toBe('Answer briefly.')
    expect(seen?.messages).toEqual([{ role: 'user', text: 'What is the capital of France?' }])
    expect(seen?.maxTokens).toBe(64)
    expect(seen?.headers['x-goog-api-key']).toBe('gemini-test-key')
    expect(seen?.body['generationConfig']).toMatchObject({ temperature: 0, topP: 0.9, maxOutputTokens: 64 })
    expect(server.stats.byApi.gemini).toBe(1)
  })

  it('takes a base URL with or without the API version, as Google writes it (…/v1beta)', async () => {
    const server = await start()
    const withVersion = createGeminiProvider({ id: 'g', baseUrl: `${server.url}/v1beta/`, apiKey: 'k' })
    expect((await withVersion.chat(request())).text).toMatch(/^Mock answer/)
    expect(geminiHttpOptions(undefined)).toEqual({})
    expect(geminiHttpOptions('https://proxy.example.com/google')).toEqual({
      baseUrl: 'https://proxy.example.com/google',
    })
  })

  it('reports cached prompt tokens inside the input, as Google bills them', async () => {
    const server = await start({ responder: () => ({ text: 'cached answer', cachedTokens: 3 }) })
    const response = await gemini(server).chat(request())
    expect(response.text).toBe('cached answer')
    expect(response.usage.cachedTokens).toBe(3)
    expect(response.usage.inputTokens).toBeGreaterThanOrEqual(3)
  })

  it('cuts the answer at maxOutputTokens and says so (length)', async () => {
    const server = await start({ responder: () => 'word '.repeat(200) })
    const response = await gemini(server).chat(request({ params: { maxTokens: 8 } }))
    expect(response.finishReason).toBe('length')
    expect(response.text.length).toBeLessThanOrEqual(32)
  })

  it('asks for JSON by schema (responseMimeType + responseJsonSchema) and gets schema-shaped JSON', async () => {
    const server = await start({ recordRequests: 1 })
    const schema = {
      type: 'object',
      properties: { queue: { type: 'string' }, priority: { type: 'integer' } },
      required: ['queue', 'priority'],
    }
    const params = { responseFormat: { type: 'json_schema' as const, name: 'route', schema } }
    const response = await gemini(server).chat(request({ params }))
    expect(JSON.parse(response.text)).toEqual({ queue: expect.stringMatching(/^mock-/), priority: 1 })
    const seen = server.requests[0]?.request
    expect(seen?.responseFormat).toBe('json_schema')
    expect(seen?.jsonSchema).toEqual(schema)
    expect(seen?.body['generationConfig']).toMatchObject({ responseMimeType: 'application/json' })
  })

  it('stops cleanly on cancel, as a cancelled ProviderError', async () => {
    const server = await start({ latencyMs: 2_000, firstTokenMs: 50 })
    const controller = new AbortController()
    const call = gemini(server).chat(request({ signal: controller.signal }))
    setTimeout(() => controller.abort(), 120)
    const error = await providerError(call)
    expect(error.kind).toBe('cancelled')
  })

  it('cuts a stream that goes silent after its first chunk at the idle limit, and learns from good calls', async () => {
    const server = await start({ rateStall: 1 })
    const observed: number[] = []
    const limits = {
      requestMs: () => 5_000,
      idleMs: () => 200,
      observe: (t: { totalMs: number }) => void observed.push(t.totalMs),
    }
    const error = await providerError(gemini(server).chat(request({ timeoutMs: undefined, limits })))
    expect(error.kind).toBe('timeout')
    expect(error.message).toMatch(/idle timeout/)
    server.setBehavior({ rateStall: 0 })
    await gemini(server).chat(request({ timeoutMs: undefined, limits }))
    expect(observed).toHaveLength(1)
  })

  it('times out a server that never answers', async () => {
    const server = await start({ rateHang: 1 })
    const error = await providerError(gemini(server).chat(request({ timeoutMs: 300 })))
    expect(error.kind).toBe('timeout')
  })
})

describe('gemini errors, classified for the retry rules', () => {
  it('429 RESOURCE_EXHAUSTED is rate_limited with the delay from the RetryInfo detail', async () => {
    const server = await start()
    scripted(server, { 'case-1': [{ fault: '429', retryAfterMs: 1500 }] })
    const error = await providerError(gemini(server).chat(request()))
    expect(error.kind).toBe('rate_limited')
    expect(error.status).toBe(429)
    expect(error.retryAfterMs).toBe(1500)
    expect(error.message).toMatch(/^Gemini 429 RESOURCE_EXHAUSTED: Rate limit reached/)
  })

  it('500 INTERNAL is a server error; 400 INVALID_ARGUMENT is a client error', async () => {
    const server = await start()
    scripted(server, { 'case-1': ['500'] })
    const error = await providerError(gemini(server).chat(request()))
    expect(error).toMatchObject({ kind: 'server', status: 500 })
    expect(error.message).toMatch(/Gemini 500 INTERNAL/)
    // As Google does, the mock refuses JSON mode beside function declarations on a Gemini 2 model.
    const tool = { name: 'lookup', description: '', parameters: { type: 'object', properties: {} } }
    const params = { tools: [tool], responseFormat: { type: 'json_object' as const } }
    const client = await providerError(gemini(server).chat(request({ params })))
    expect(client).toMatchObject({ kind: 'client', status: 400 })
    expect(client.message).toMatch(/^Gemini 400 INVALID_ARGUMENT: .*unsupported/)
  })

  it('a conversation of system messages alone is refused before anything is sent (client)', async () => {
    const server = await start()
    const messages = [{ role: 'system' as const, content: 'Only a system message.' }]
    const error = await providerError(gemini(server).chat(request({ messages })))
    expect(error.kind).toBe('client')
    expect(server.stats.byApi.gemini).toBe(0)
  })

  it('a key Google does not know (400 API_KEY_INVALID) and a missing key (403) are auth errors', async () => {
    const server = await start({ apiKey: 'gemini-right-key' })
    const wrong = await providerError(gemini(server, 'gemini-wrong-key').chat(request()))
    expect(wrong).toMatchObject({ kind: 'auth', status: 400 })
    expect(wrong.message).not.toContain('gemini-wrong-key')
    const missing = await providerError(gemini(server, ' ').chat(request()))
    expect(missing.kind).toBe('auth')
  })

  it('a stream closed before the finish reason is a server error, never a short answer', async () => {
    const server = await start({ rateMalformed: 1 })
    const error = await providerError(gemini(server).chat(request()))
    expect(error.kind).toBe('server')
  })

  it('a refused connection is a network error', async () => {
    const server = await start()
    const url = server.url
    await server.close()
    const provider = createGeminiProvider({ id: 'gemini-eu', baseUrl: url, apiKey: 'k' })
    const error = await providerError(provider.chat(request()))
    expect(error.kind).toBe('network')
  })
})

describe('gemini error bodies', () => {
  const ctx = (headers?: Headers) => ({
    cut: null,
    timeoutMs: 1_000,
    signal: new AbortController().signal,
    headers,
  })
  const body = (error: Record<string, unknown>) => JSON.stringify({ error })

  it('hides a Google-shaped key the server echoed, and falls back to retry-after without RetryInfo', () => {
    const echoed = new ApiError({
      message: body({
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        message: 'quota of AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
      }),
      status: 429,
    })
    const error = geminiProviderError(echoed, ctx(new Headers({ 'retry-after': '2' })))
    expect(error).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2_000 })
    expect(error.message).toBe('Gemini 429 RESOURCE_EXHAUSTED: quota of [redacted]')
  })

  it('reads an error event inside a stream ("got status: …" before the body)', () => {
    const details = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '0.250s' }]
    const inStream = new ApiError({
      message: `got status: UNAVAILABLE. ${body({ code: 503, status: 'UNAVAILABLE', message: 'overloaded', details })}`,
      status: 503,
    })
    expect(geminiProviderError(inStream, ctx())).toMatchObject({
      kind: 'server',
      status: 503,
      retryAfterMs: 250,
      message: 'Gemini 503 UNAVAILABLE: overloaded',
    })
  })
})
