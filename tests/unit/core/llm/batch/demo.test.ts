import { describe, expect, it } from 'vitest'
import { createDemoBatchApi, DEMO_BATCH_MS } from '../../../../../electron/main/core/llm/batch/demo'
import { createBatchApi } from '../../../../../electron/main/core/llm/batch/index'
import { createDemoProvider } from '../../../../../electron/main/core/llm/providers/demo'
import type { ProviderSettings } from '../../../../../electron/main/core/llm/providers/settings'
import { answered, collect, failed, providerError } from './helpers'
import type { BatchRequest } from '../../../../../electron/main/core/llm/batch/types'

const triage = (n: number, model = 'triage-sim-2026-09'): BatchRequest['request'] => ({
  messages: [
    { role: 'system', content: 'Classify the ticket. Answer in JSON with queue and priority.' },
    { role: 'user', content: `Ticket ${n}: my invoice ${n} was charged twice` },
  ],
  model: { provider: 'demo', model },
  params: { temperature: 0 },
})

const requests: BatchRequest[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ customId: `t-${i}`, request: triage(i) })),
  { customId: 'unknown-model', request: triage(99, 'no-such-sim') },
]

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-12-05T14:02:00Z')): { now: () => Date; advance(ms: number): void } {
  let t = start
  return { now: () => new Date(t), advance: (ms) => void (t += ms) }
}

describe('the demo Batch API', () => {
  it('answers exactly as the streamed demo model does, errors included', async () => {
    const api = createDemoBatchApi({ provider: 'demo', latencyScale: 0 })
    const { remoteId } = await api.submit('local-1', requests)
    expect(await api.poll(remoteId)).toMatchObject({ phase: 'ended', counts: { total: 13, succeeded: 13 } })
    const outcomes = await collect(api.results(remoteId, undefined, requests))
    const streamed = createDemoProvider({ latencyScale: 0 })
    for (const [i, { request }] of requests.slice(0, 12).entries()) {
      expect(answered(outcomes[i]).response).toEqual(await streamed.chat(request))
    }
    expect(failed(outcomes[12])).toMatchObject({ outcome: 'errored', errorKind: 'client', status: 404 })
  })

  it('takes a few seconds, with progress in between, from what its id says (no state across restarts)', async () => {
    const time = clock()
    const api = createDemoBatchApi({ provider: 'demo', now: time.now, latencyScale: 1 })
    const { remoteId, submittedAt } = await api.submit('local-2', requests.slice(0, 10))
    expect(submittedAt).toEqual(time.now())
    time.advance(DEMO_BATCH_MS / 2)
    const restarted = createDemoBatchApi({ provider: 'demo', now: time.now, latencyScale: 1 })
    expect(await restarted.poll(remoteId)).toMatchObject({ phase: 'pending', counts: { succeeded: 5 } })
    expect((await providerError(collect(restarted.results(remoteId, undefined, requests)))).kind).toBe(
      'client',
    )
    time.advance(DEMO_BATCH_MS)
    const status = await restarted.poll(remoteId)
    expect(status).toMatchObject({ phase: 'ended', remoteStatus: 'completed', counts: { succeeded: 10 } })
    expect(status.endedAt).toEqual(new Date(submittedAt.getTime() + DEMO_BATCH_MS))
    expect(await collect(restarted.results(remoteId, undefined, requests.slice(0, 10)))).toHaveLength(10)
  })

  it('cancels: items reached before the cancel are answered, the rest cancelled', async () => {
    const time = clock()
    const api = createDemoBatchApi({ provider: 'demo', now: time.now, latencyScale: 1 })
    const sent = requests.slice(0, 10)
    const { remoteId } = await api.submit('local-3', sent)
    time.advance(DEMO_BATCH_MS * 0.3)
    await api.cancel(remoteId)
    expect(await api.poll(remoteId)).toMatchObject({ phase: 'ended', counts: { succeeded: 3, cancelled: 7 } })
    const outcomes = await collect(api.results(remoteId, undefined, sent))
    expect(outcomes.filter((o) => o.ok)).toHaveLength(3)
    expect(outcomes.filter((o) => !o.ok && o.outcome === 'cancelled')).toHaveLength(7)
  })

  it('needs the requests to compute the answers', async () => {
    const api = createDemoBatchApi({ provider: 'demo', latencyScale: 0 })
    const { remoteId } = await api.submit('local-4', requests.slice(0, 2))
    expect((await providerError(collect(api.results(remoteId)))).message).toMatch(/pass them/)
  })
})

describe('createBatchApi', () => {
  const settings = (kind: ProviderSettings['kind']): ProviderSettings => ({
    kind,
    concurrency: 4,
    baseUrl: 'http://127.0.0.1:1/v1',
    apiKey: 'k',
  })

  it('builds the Batch API of the kinds that have one, named after the provider entry', () => {
    expect(createBatchApi('acme-openai', settings('openai'))?.limits.maxRequests).toBe(50_000)
    expect(createBatchApi('acme-claude', settings('anthropic'))?.limits.maxRequests).toBe(100_000)
    expect(createBatchApi('demo', settings('demo'))?.provider).toBe('demo')
  })

  it('returns null for kinds whose calls are streamed in a batch-mode run', () => {
    for (const kind of ['openai-compatible', 'azure-openai', 'gemini', 'bedrock'] as const) {
      expect(createBatchApi(`my-${kind}`, settings(kind))).toBeNull()
    }
  })
})
