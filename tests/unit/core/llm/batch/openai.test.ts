import { afterEach, describe, expect, it, vi } from 'vitest'
import { createOpenAiBatchApi } from '../../../../../electron/main/core/llm/batch/openai'
import { createOpenAiProvider } from '../../../../../electron/main/core/llm/providers/openai'
import { defaultResponder, type MockLlmServer } from '../../../../fixtures/mock-llm'
import { openaiFor, useMockLlmServer } from '../../../../fixtures/mock-llm/testing'
import { answered, byId, collect, failed, items, providerError, question, schema, settle } from './helpers'

const start = useMockLlmServer()
afterEach(() => void vi.useRealTimers())

const apiFor = (server: MockLlmServer, apiKey = 'test-key') =>
  createOpenAiBatchApi({ provider: 'acme-openai', baseUrl: server.openaiBaseUrl, apiKey })

/** Requests of every shape the runner sends: plain, a forced tool, a JSON Schema format, cached tokens. */
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

describe('OpenAI Batch API through the SDK', () => {
  it('answers every request as the streamed adapter does, with the same body, usage and tool calls', async () => {
    const server = await start({
      recordRequests: 20,
      responder: (r) =>
        r.messages[0]?.text === 'cache me' ? { text: 'From cache.', cachedTokens: 2 } : defaultResponder(r),
    })
    const api = apiFor(server)
    const submitted = await api.submit('local-1', mixed)
    expect(submitted.remoteId).toMatch(/^batch_/)
    expect(submitted.inputFileId).toMatch(/^file-/)
    const status = await settle(api, submitted.remoteId)
    expect(status).toMatchObject({ phase: 'ended', remoteStatus: 'completed', message: null })
    expect(status.counts).toEqual({ total: 4, succeeded: 4, failed: 0, expired: 0, cancelled: 0 })
    const batchBodies = server.requests.map((r) => r.request.body)
    const outcomes = byId(await collect(api.results(submitted.remoteId)))
    expect(outcomes.size).toBe(4)

    const streamed = createOpenAiProvider({
      id: 'acme-openai',
      baseUrl: server.openaiBaseUrl,
      apiKey: 'test-key',
    })
    for (const [i, item] of mixed.entries()) {
      const live = await streamed.chat({ ...item.request, timeoutMs: 5_000 })
      const batch = answered(outcomes.get(item.customId)).response
      expect({ ...batch, raw: undefined }).toEqual({ ...live, ttftMs: null, totalMs: 0, raw: undefined })
      const { stream, stream_options, ...liveBody } = server.requests.at(-1)?.request.body ?? {}
      expect([stream, stream_options]).toEqual([true, { include_usage: true }])
      expect(batchBodies[i]).toEqual(liveBody)
    }
    const cached = answered(outcomes.get('cached')).response
    expect(cached.usage.cachedTokens).toBe(2)
    expect(answered(outcomes.get('tool')).response.toolCalls[0]?.name).toBe('route_ticket')
    expect(JSON.parse(answered(outcomes.get('format')).response.text)).toEqual({
      queue: 'billing',
      urgent: true,
    })
  })

  it('sizes each request as its JSONL line, and the upload is exactly those lines', async () => {
    const server = await start()
    const api = apiFor(server)
    const requests = items(25)
    const submitted = await api.submit('local-size', requests)
    const file = await openaiFor(server).files.retrieve(submitted.inputFileId ?? '')
    expect(file.bytes).toBe(requests.reduce((sum, r) => sum + api.requestBytes(r), 0))
    expect(file.filename).toBe('evallab-local-size.jsonl')
  })

  it('classifies failed items as streamed calls are (500 server, 429 rate_limited, 400 client) and counts each item once', async () => {
    const server = await start({ batchFailRate: 0.3, batchFailStatuses: [500, 429, 400], seed: 7 })
    const api = apiFor(server)
    const submitted = await api.submit('local-fail', items(300))
    const status = await settle(api, submitted.remoteId)
    const outcomes = await collect(api.results(submitted.remoteId))
    expect(new Set(outcomes.map((o) => o.customId)).size).toBe(300)
    const errors = outcomes.filter((o) => !o.ok).map(failed)
    expect(errors.length).toBe(status.counts.failed)
    expect(errors.length).toBeGreaterThan(50)
    expect(status.counts.succeeded).toBe(300 - errors.length)
    const kinds = new Map(errors.map((e) => [e.status, e.errorKind]))
    expect(Object.fromEntries(kinds)).toEqual({ 500: 'server', 429: 'rate_limited', 400: 'client' })
    expect(errors.every((e) => e.outcome === 'errored' && e.message.includes('mock'))).toBe(true)
    await collect(api.results(submitted.remoteId))
    for (let i = 0; i < 300; i++) expect(server.stats.attemptsFor(`item-${i}`)).toHaveLength(1)
  })

  it('reports expired items from the error file and as the rest of the counts', async () => {
    const server = await start({ batchExpireRate: 0.1, batchFailRate: 0.03, seed: 3 })
    const api = apiFor(server)
    const submitted = await api.submit('local-expire', items(400))
    const status = await settle(api, submitted.remoteId)
    expect(status).toMatchObject({ phase: 'ended', remoteStatus: 'expired' })
    const outcomes = await collect(api.results(submitted.remoteId))
    const expired = outcomes.filter((o) => !o.ok && o.outcome === 'expired')
    expect(expired.length).toBe(status.counts.expired)
    expect(expired.length).toBeGreaterThan(10)
    expect(outcomes).toHaveLength(400)
    expect(server.stats.attempts.size).toBe(400 - expired.length)
  })

  it('says why a job failed validation as a whole', async () => {
    const server = await start({ batchInvalid: 'Model mock-model is not available for batch.' })
    const api = apiFor(server)
    const submitted = await api.submit('local-invalid', items(3))
    const status = await api.poll(submitted.remoteId)
    expect(status).toMatchObject({ phase: 'failed', remoteStatus: 'failed' })
    expect(status.message).toContain('not available for batch')
    server.setBehavior({ batchInvalid: null })
    const mixedModels = [
      { customId: 'a', request: question(1) },
      { customId: 'b', request: question(2, { model: { provider: 'acme', model: 'other-model' } }) },
    ]
    const second = await api.poll((await api.submit('local-models', mixedModels)).remoteId)
    expect(second.message).toMatch(/2 models/)
  })

  it('cancels: items answered before the cancel come back, the rest as cancelled', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = await start({ batchDelayMs: 10_000 })
    const api = apiFor(server)
    const submitted = await api.submit('local-cancel', items(100))
    vi.setSystemTime(Date.now() + 4_000)
    expect((await api.poll(submitted.remoteId)).counts.succeeded).toBe(40)
    await api.cancel(submitted.remoteId)
    const status = await settle(api, submitted.remoteId)
    expect(status).toMatchObject({ phase: 'ended', remoteStatus: 'cancelled' })
    expect(status.counts).toMatchObject({ succeeded: 40, cancelled: 60 })
    const outcomes = await collect(api.results(submitted.remoteId))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(40)
    expect(outcomes.filter((o) => !o.ok && o.outcome === 'cancelled')).toHaveLength(60)
    await api.cancel(submitted.remoteId) // an ended job: nothing to do, no error
  })

  it('shows progress while pending and rejects results before the end', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = await start({ batchDelayMs: 1_000 })
    const api = apiFor(server)
    const submitted = await api.submit('local-progress', items(10))
    vi.setSystemTime(Date.now() + 500)
    const status = await api.poll(submitted.remoteId)
    expect(status).toMatchObject({ phase: 'pending', remoteStatus: 'in_progress', endedAt: null })
    expect(status.counts.succeeded).toBe(5)
    expect((await providerError(collect(api.results(submitted.remoteId)))).kind).toBe('client')
  })

  it('a new adapter (a restarted app) picks up a pending job; the mock runs each of 2,000 items once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = await start({ batchDelayMs: 10_000 })
    const before = apiFor(server)
    const submitted = await before.submit('local-restart', items(2_000))
    vi.setSystemTime(Date.now() + 3_000)
    expect(await before.poll(submitted.remoteId)).toMatchObject({
      phase: 'pending',
      counts: { succeeded: 600 },
    })
    const after = apiFor(server)
    vi.setSystemTime(Date.now() + 8_000)
    expect((await after.poll(submitted.remoteId)).counts.succeeded).toBe(2_000)
    expect(await collect(after.results(submitted.remoteId))).toHaveLength(2_000)
    expect(server.stats.attempts.size).toBe(2_000)
    expect([...server.stats.attempts.values()].every((runs) => runs.length === 1)).toBe(true)
  })

  it('finds a job by the local id in its metadata after a cut-off submission', async () => {
    const server = await start()
    const api = apiFor(server)
    const before = new Date(Date.now() - 1000)
    const first = await api.submit('local-a', items(2))
    await api.submit('local-b', items(2))
    expect((await api.findSubmitted('local-a', before))?.remoteId).toBe(first.remoteId)
    expect((await api.findSubmitted('local-a', before))?.inputFileId).toBe(first.inputFileId)
    expect(await api.findSubmitted('local-z', before)).toBeNull()
    expect(await api.findSubmitted('local-a', new Date(Date.now() + 3 * 3_600_000))).toBeNull()
  })

  it('deletes the input, output and error files once collected, and may do so twice', async () => {
    const server = await start({ batchFailRate: 0.5, seed: 1 })
    const api = apiFor(server)
    const submitted = await api.submit('local-release', items(10))
    await settle(api, submitted.remoteId)
    await collect(api.results(submitted.remoteId))
    const sdk = openaiFor(server)
    const batch = await sdk.batches.retrieve(submitted.remoteId)
    const ids = [submitted.inputFileId, batch.output_file_id, batch.error_file_id]
    expect(ids.every((id) => typeof id === 'string')).toBe(true)
    await api.release?.(submitted)
    for (const id of ids) await expect(sdk.files.retrieve(id ?? '')).rejects.toMatchObject({ status: 404 })
    await api.release?.(submitted)
  })

  it('stops a download when its signal aborts, as a cancelled call', async () => {
    const server = await start()
    const api = apiFor(server)
    const submitted = await api.submit('local-abort', items(3))
    await settle(api, submitted.remoteId)
    const controller = new AbortController()
    controller.abort()
    expect((await providerError(collect(api.results(submitted.remoteId, controller.signal)))).kind).toBe(
      'cancelled',
    )
  })

  it('streams a results file of thousands of lines', async () => {
    const server = await start()
    const api = apiFor(server)
    const submitted = await api.submit('local-big', items(5_000))
    await settle(api, submitted.remoteId)
    let count = 0
    const seen = new Set<string>()
    for await (const outcome of api.results(submitted.remoteId)) {
      count++
      seen.add(outcome.customId)
      expect(outcome.ok).toBe(true)
    }
    expect([count, seen.size]).toEqual([5_000, 5_000])
  })

  it('refuses a batch over the limits without sending anything', async () => {
    const server = await start()
    const api = apiFor(server)
    expect(api.limits).toEqual({ maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 })
    const tooMany = Array.from({ length: 50_001 }, (_, i) => ({ customId: `c${i}`, request: question(0) }))
    expect((await providerError(api.submit('local-many', tooMany))).kind).toBe('client')
    expect(server.stats.total).toBe(0)
  })

  it('classifies a wrong key as auth, and never echoes it', async () => {
    const server = await start({ apiKey: 'right-key' })
    const error = await providerError(apiFor(server, 'sk-wrong-key-123456').submit('local-key', items(1)))
    expect(error.kind).toBe('auth')
    expect(error.message).not.toContain('sk-wrong-key-123456')
  })
})
