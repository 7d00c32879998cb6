import { describe, expect, it } from 'vitest'
import { automaticLimits, callLimitsFor, LatencyBook } from '../../../../electron/main/core/llm/call-limits'
import { createAnthropicProvider } from '../../../../electron/main/core/llm/providers/anthropic'
import { createOpenAiProvider } from '../../../../electron/main/core/llm/providers/openai'
import type { CallLimits, ChatRequest, Provider } from '../../../../electron/main/core/llm/providers/types'
import { callWithRetry } from '../../../../electron/main/core/llm/retry'
import type { FaultKind, MockLlmServer } from '../../../fixtures/mock-llm'
import { useMockLlmServer } from '../../../fixtures/mock-llm/testing'

const startMock = useMockLlmServer()

const adapters: Record<string, (server: MockLlmServer) => Provider> = {
  openai: (server) => createOpenAiProvider({ id: 'o', baseUrl: server.openaiBaseUrl, apiKey: 'test' }),
  anthropic: (server) =>
    createAnthropicProvider({ id: 'a', baseUrl: server.anthropicBaseUrl, apiKey: 'test' }),
}

const ask = (key: string, limits: CallLimits): ChatRequest => ({
  messages: [{ role: 'user', content: `Summarise case ${key} in one line.` }],
  model: { provider: 'p', model: 'mock-model' },
  params: { maxTokens: 64 },
  caseKey: key,
  limits,
})

const once = { maxAttempts: 1 }
const twice = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 }
const script =
  (faults: Record<string, FaultKind[]>) =>
  (key: string): FaultKind[] | undefined =>
    faults[key]

describe.each(Object.keys(adapters))('%s adapter: request and idle timeouts', (name) => {
  const adapter = (server: MockLlmServer) => (adapters[name] as (s: MockLlmServer) => Provider)(server)

  it('cuts a request that never sends a byte at the idle limit, and the retry answers', async () => {
    const server = await startMock({ faultsFor: script({ hung: ['hang'] }) })
    const limits = callLimitsFor({ idleTimeoutMs: 500 }, new LatencyBook())
    const outcome = await callWithRetry(adapter(server), ask('hung', limits), twice)
    expect(outcome.ok).toBe(true)
    expect(outcome.attempts[0]).toMatchObject({
      outcome: 'timeout',
      message: 'No bytes from the server for 0.5 s (idle timeout).',
    })
    expect(server.stats.byFault.hang).toBe(1)
    expect(server.stats.attemptsFor('hung')).toHaveLength(2)
  })

  it('cuts a stream that stops after its first piece', async () => {
    const server = await startMock({ faultsFor: script({ stalled: ['stall'] }) })
    const limits = callLimitsFor({ idleTimeoutMs: 500 }, new LatencyBook())
    const outcome = await callWithRetry(adapter(server), ask('stalled', limits), twice)
    expect(outcome.ok).toBe(true)
    expect(outcome.attempts[0]).toMatchObject({ outcome: 'timeout', message: expect.stringMatching(/idle/) })
    // The stalled attempt had its headers (a 200) and a first chunk before it went silent.
    expect(server.stats.byStatus[200]).toBe(2)
  })

  it('does not cut a slow stream whose bytes keep coming, however long the whole answer takes', async () => {
    // The answer's pieces arrive every ~150 ms over 1.2 s: longer than the idle limit, never silent that long.
    const server = await startMock({ latencyMs: 1200, firstTokenMs: 100 })
    const limits = callLimitsFor({ idleTimeoutMs: 500 }, new LatencyBook())
    const outcome = await callWithRetry(adapter(server), ask('slow', limits), once)
    expect(outcome.ok).toBe(true)
    if (outcome.ok) expect(outcome.response.totalMs).toBeGreaterThan(500)
  })

  it('reports a stream cancelled mid-way as cancelled, not as a shorter answer', async () => {
    const server = await startMock({ latencyMs: 2000, firstTokenMs: 50 })
    const cancel = new AbortController()
    const request = { ...ask('cancel', callLimitsFor({}, new LatencyBook())), signal: cancel.signal }
    const call = callWithRetry(adapter(server), request, once)
    setTimeout(() => cancel.abort(), 300)
    const outcome = await call
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error.kind).toBe('cancelled')
  })

  it('cuts a call that has not finished within the request limit', async () => {
    const server = await startMock({ latencyMs: 3000, firstTokenMs: 100 })
    const limits = callLimitsFor({ requestTimeoutMs: 1000, idleTimeoutMs: 2000 }, new LatencyBook())
    const outcome = await callWithRetry(adapter(server), ask('drip', limits), once)
    expect(outcome.ok).toBe(false)
    expect(outcome.attempts[0]).toMatchObject({
      outcome: 'timeout',
      message: 'No complete answer within 1 s (request timeout).',
    })
  })
})

describe('automatic limits', () => {
  it('learn from a fast provider and cut a hang at the floor, not after the fallback', async () => {
    const server = await startMock({ faultsFor: script({ late: ['hang'] }) })
    const book = new LatencyBook()
    const limits = callLimitsFor({}, book)
    const provider = adapters['openai']?.(server) as Provider
    expect(limits.idleMs()).toBe(automaticLimits.idle.fallbackMs)
    for (let i = 0; i < automaticLimits.minObservations; i++) {
      expect((await callWithRetry(provider, ask(`warm-${i}`, limits), once)).ok).toBe(true)
    }
    expect(limits.idleMs()).toBe(automaticLimits.idle.floorMs)
    expect(limits.requestMs()).toBe(automaticLimits.request.floorMs)
    const outcome = await callWithRetry(provider, ask('late', limits), twice)
    expect(outcome.ok).toBe(true)
    expect(outcome.attempts[0]?.message).toBe('No bytes from the server for 0.5 s (idle timeout).')
  })

  it('are 5 × the P95 of what was seen, clamped, and give way to a user value', () => {
    const book = new LatencyBook()
    for (let i = 1; i <= 100; i++) book.observe({ longestSilenceMs: i * 10, totalMs: i * 100 })
    // P95 of 10..1000 is 950 ms of silence and 9.5 s of call: 4.75 s and 47.5 s.
    expect(book.limit('idle')).toBe(4750)
    expect(book.limit('request')).toBe(47_500)
    for (let i = 0; i < 200; i++) book.observe({ longestSilenceMs: 60_000, totalMs: 400_000 })
    expect(book.limit('idle')).toBe(automaticLimits.idle.capMs)
    expect(book.limit('request')).toBe(automaticLimits.request.capMs)
    const fromSettings = callLimitsFor({ requestTimeoutMs: 90_000, idleTimeoutMs: 8000 }, book)
    expect([fromSettings.requestMs(), fromSettings.idleMs()]).toEqual([90_000, 8000])
    const fromFlags = callLimitsFor({ idleTimeoutMs: 8000 }, book, { idleTimeoutMs: 2500 })
    expect([fromFlags.requestMs(), fromFlags.idleMs()]).toEqual([automaticLimits.request.capMs, 2500])
  })
})
