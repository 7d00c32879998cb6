import { describe, expect, it } from 'vitest'
import { callWithRetry } from '../../../../electron/main/core/llm/retry'
import type { AttemptRecord } from '../../../../electron/main/core/llm/retry'
import { ProviderError } from '../../../../electron/main/core/llm/providers/types'
import type { ChatRequest, ChatResponse, Provider } from '../../../../electron/main/core/llm/providers/types'
import { FakeClock } from './fake-clock'

const ok: ChatResponse = {
  text: 'fine',
  toolCalls: [],
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 1, cachedTokens: 0 },
  ttftMs: 1,
  totalMs: 2,
}

const request = (signal?: AbortSignal): ChatRequest => ({
  messages: [{ role: 'user', content: 'hi' }],
  model: { provider: 'scripted', model: 'm' },
  params: {},
  timeoutMs: 1000,
  ...(signal ? { signal } : {}),
})

/** Fails with the scripted errors in order, then answers; each call takes 10 ms of virtual time. */
function scripted(clock: FakeClock, errors: ProviderError[]): Provider & { calls: number } {
  const provider = {
    id: 'scripted',
    calls: 0,
    chat(): Promise<ChatResponse> {
      const error = errors[provider.calls++]
      clock.time += 10
      return error ? Promise.reject(error) : Promise.resolve(ok)
    },
  }
  return provider
}

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000, jitter: 'full' as const }

function run(provider: Provider, clock: FakeClock, signal?: AbortSignal) {
  const seen: AttemptRecord[] = []
  const deps = { now: clock.now, sleep: clock.sleep, random: () => 0.5 }
  const outcome = callWithRetry(provider, request(signal), policy, { onAttempt: (r) => seen.push(r) }, deps)
  return { outcome, seen }
}

describe('callWithRetry', () => {
  it('waits at least retry-after after a 429 before sending again', async () => {
    const clock = new FakeClock()
    const limited = new ProviderError('rate_limited', 'slow down', { status: 429, retryAfterMs: 2000 })
    const { outcome } = run(scripted(clock, [limited]), clock)
    await clock.runAll()
    const result = await outcome
    expect(result.ok).toBe(true)
    const [first, second] = result.attempts
    expect(first).toMatchObject({ outcome: 'rate_limited', status: 429, retryAfterMs: 2000, waitMs: 2000 })
    expect((second?.startedAt ?? 0) - (first?.endedAt ?? 0)).toBeGreaterThanOrEqual(2000)
  })

  it('retries 5xx with jittered exponential backoff and records every attempt', async () => {
    const clock = new FakeClock()
    const boom = () => new ProviderError('server', 'boom', { status: 500 })
    const { outcome, seen } = run(scripted(clock, [boom(), boom()]), clock)
    await clock.runAll()
    const result = await outcome
    expect(result.ok).toBe(true)
    expect(result.attempts.map((a) => a.outcome)).toEqual(['server', 'server', 'ok'])
    expect(seen).toEqual(result.attempts)
    // random() = 0.5 of the caps 100 and 200 ms
    expect(clock.sleeps).toEqual([50, 100])
  })

  it('does not retry client, auth or cancelled errors', async () => {
    for (const kind of ['client', 'auth', 'cancelled'] as const) {
      const clock = new FakeClock()
      const provider = scripted(clock, [new ProviderError(kind, 'no', { status: 400 })])
      const result = await run(provider, clock).outcome
      expect(result).toMatchObject({ ok: false, error: { kind } })
      expect(result.attempts).toHaveLength(1)
      expect(provider.calls).toBe(1)
    }
  })

  it('gives up after maxAttempts with the last error recorded, never throwing', async () => {
    const clock = new FakeClock()
    const timeouts = Array.from({ length: 9 }, () => new ProviderError('timeout', 'too slow'))
    const { outcome } = run(scripted(clock, timeouts), clock)
    await clock.runAll()
    const result = await outcome
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', message: 'too slow' } })
    expect(result.attempts).toHaveLength(4)
    expect(result.attempts.at(-1)?.waitMs).toBeUndefined()
  })

  it('turns anything else a provider throws into a recorded error', async () => {
    const clock = new FakeClock()
    const broken: Provider = { id: 'broken', chat: () => Promise.reject(new TypeError('bug')) }
    const result = await run(broken, clock).outcome
    expect(result).toMatchObject({ ok: false, error: { kind: 'client', message: 'bug' } })
  })

  it('stops waiting at once when cancelled during a backoff', async () => {
    const clock = new FakeClock()
    const controller = new AbortController()
    const limited = new ProviderError('rate_limited', 'slow down', { status: 429, retryAfterMs: 60_000 })
    const provider = scripted(clock, [limited])
    const { outcome } = run(provider, clock, controller.signal)
    await clock.advance(1000)
    controller.abort()
    const result = await outcome
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(result.attempts).toHaveLength(1)
    expect(provider.calls).toBe(1)
  })
})
