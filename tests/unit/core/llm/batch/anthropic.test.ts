import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAnthropicBatchApi } from '../../../../../electron/main/core/llm/batch/anthropic'
import { createAnthropicProvider } from '../../../../../electron/main/core/llm/providers/anthropic'
import { defaultResponder, type MockLlmServer } from '../../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { answered, byId, collect, failed, items, providerError, question, schema, settle } from './helpers'

const start = useMockLlmServer()
afterEach(() => void vi.useRealTimers())

const apiFor = (server: MockLlmServer, apiKey = 'test-key') =>
  createAnthropicBatchApi({ provider: 'acme-claude', baseUrl: server.anthropicBaseUrl, apiKey })

const mixed = [
  { customId: 'plain', request: question(1) },
  {
    customId: 'tool',
    request: question(2, {
      params: {
        tools: [{ name: 'route_ticket', description: 'Route it', parameters: schema }],
        toolChoice: { name: 'route_ticket' },
      },
    }),
  },
  {
    customId: 'format',
    request: question(3, { params: { responseFormat: { type: 'json_schema', name: 'triage', schema } } }),
  },
  { customId: 'cached', request: question(4, { messages: [{ role: 'user', content: 'cache me' }] }) },
]

describe('Anthropic Message Batches through the SDK', () => {
  it('answers every request as the streamed adapter does, with the same params, usage and tool calls', async () => {
    const server = await start({
      recordRequests: 20,
      responder: (r) =>
        r.messages[0]?.text === 'cache me' ? { text: 'From cache.', cachedTokens: 2 } : defaultResponder(r),
    })
    const api = apiFor(server)
    const submitted = await api.submit('local-1', mixed)
    expect(submitted).toMatchObject({ remoteId: expect.stringMatching(/^msgbatch_/), inputFileId: null })
    const status = await settle(api, submitted.remoteId)
    expect(status).toMatchObject({ phase: 'ended', remoteStatus: 'ended' })
    expect(status.counts).toEqual({ total: 4, succeeded: 4, failed: 0, expired: 0, cancelled: 0 })
    const batchBodies = server.requests.map((r) => r.request.body)
    const outcomes = byId(await collect(api.results(submitted.remoteId, undefined, mixed)))

    const streamed = createAnthropicProvider({
      id: 'acme-claude',
      baseUrl: server.anthropicBaseUrl,
      apiKey: 'k',
    })
    for (const [i, item] of mixed.entries()) {
      const live = await streamed.chat({ ...item.request, timeoutMs: 5_000 })
      const batch = answered(outcomes.get(item.customId)).response
      expect({ ...batch, raw: undefined }).toEqual({ ...live, ttftMs: null, totalMs: 0, raw: undefined })
      const { stream, ...liveBody } = server.requests.at(-1)?.request.body ?? {}
      expect(stream).toBe(true)
      expect(batchBodies[i]).toEqual(liveBody)
    }
    expect(answered(outcomes.get('cached')).response.usage).toMatchObject({ cachedTokens: 2 })
    expect(answered(outcomes.get('tool')).response.toolCalls[0]?.name).toBe('route_ticket')
    // The JSON Schema answer travels as the forced format tool; with the requests it is the answer text again.
    expect(JSON.parse(answered(outcomes.get('format')).response.text)).toEqual({
      queue: 'billing',
      urgent: true,
    })
    const bare = byId(await collect(api.results(submitted.remoteId)))
    expect(answered(bare.get('format')).response.toolCalls[0]?.name).toBe('triage')
  })

  it('classifies errored items by their error type (500 server, 429 rate_limited, 400 client)', async () => {
    const server = await start({ batchFailRate: 0.3, batchFailStatuses: [500, 429, 400], seed: 11 })
    const api = apiFor(server)
    const submitted = await api.submit('local-fail', items(300))
    const status = await settle(api, submitted.remoteId)
    const outcomes = await collect(api.results(submitted.remoteId))
    expect(outcomes).toHaveLength(300)
    const errors = outcomes.filter((o) => !o.ok).map(failed)
    expect(errors.length).toBe(status.counts.failed)
    expect(Object.fromEntries(errors.map((e) => [e.status, e.errorKind]))).toEqual({
      500: 'server',
      429: 'rate_limited',
      400: 'client',
    })
    for (let i = 0; i < 300; i++) expect(server.stats.attemptsFor(`item-${i}`)).toHaveLength(1)
  })

  it('returns expired items as expired, counted by the API', async () => {
    const server = await start({ batchExpireRate: 0.05, seed: 5 })
    const api = apiFor(server)
    const submitted = await api.submit('local-expire', items(400))
    const status = await settle(api, submitted.remoteId)
    const expired = (await collect(api.results(submitted.remoteId))).filter(
      (o) => !o.ok && o.outcome === 'expired',
    )
    expect(expired.length).toBe(status.counts.expired)
    expect(expired.length).toBeGreaterThan(5)
  })

  it('refuses an invalid job as a client error', async () => {
    const server = await start({ batchInvalid: 'requests.0.params.model: unknown model' })
    const error = await providerError(apiFor(server).submit('local-invalid', items(2)))
    expect(error).toMatchObject({ kind: 'client', status: 400 })
    expect(error.message).toContain('unknown model')
  })

  it('cancels: answered items come back, the rest as cancelled', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = await start({ batchDelayMs: 10_000 })
    const api = apiFor(server)
    const submitted = await api.submit('local-cancel', items(50))
    vi.setSystemTime(Date.now() + 6_000)
    await api.cancel(submitted.remoteId)
    const status = await settle(api, submitted.remoteId)
    expect(status.counts).toMatchObject({ succeeded: 30, cancelled: 20 })
    const outcomes = await collect(api.results(submitted.remoteId))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(30)
    expect(outcomes.filter((o) => !o.ok && o.outcome === 'cancelled')).toHaveLength(20)
    await api.cancel(submitted.remoteId)
  })

  it('cannot find a cut-off submission (no metadata): the lane resubmits', async () => {
    const server = await start()
    const api = apiFor(server)
    await api.submit('local-a', items(2))
    expect(await api.findSubmitted('local-a', new Date(0))).toBeNull()
  })

  it('refuses a batch over the limits without sending anything', async () => {
    const server = await start()
    const api = apiFor(server)
    expect(api.limits).toEqual({ maxRequests: 100_000, maxBytes: 256 * 1024 * 1024 })
    const tooMany = Array.from({ length: 100_001 }, (_, i) => ({ customId: `c${i}`, request: question(0) }))
    expect((await providerError(api.submit('local-many', tooMany))).kind).toBe('client')
    expect(server.stats.total).toBe(0)
  })
})
