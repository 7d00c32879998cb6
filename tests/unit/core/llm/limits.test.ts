import { describe, expect, it } from 'vitest'
import { createLimiter } from '../../../../electron/main/core/llm/limits'
import { ProviderError } from '../../../../electron/main/core/llm/providers/types'
import type { ChatRequest, ChatResponse, Provider } from '../../../../electron/main/core/llm/providers/types'
import { callWithRetry } from '../../../../electron/main/core/llm/retry'
import { FakeClock, flush } from './fake-clock'

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('limiter', () => {
  it('never runs more tasks at once than the provider allows', async () => {
    const limiter = createLimiter()
    limiter.configure('p', { concurrency: 3 })
    let running = 0
    let peak = 0
    const gates = Array.from({ length: 10 }, deferred)
    const done = gates.map((gate, i) =>
      limiter.schedule('p', async () => {
        running++
        peak = Math.max(peak, running)
        await gate.promise
        running--
        return i
      }),
    )
    await flush()
    expect(limiter.stats()['p']).toEqual({ inFlight: 3, waitingForRate: 0, queued: 7, window: 3 })
    for (const gate of gates) {
      gate.resolve()
      await flush()
    }
    expect(await Promise.all(done)).toEqual([...Array(10).keys()])
    expect(peak).toBe(3)
  })

  it('spaces requests evenly at the requests-per-minute rate instead of bursting', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 10, requestsPerMinute: 60 })
    const startedAt: number[] = []
    const done = Array.from({ length: 5 }, () =>
      limiter.schedule('p', () => Promise.resolve(startedAt.push(clock.now()))),
    )
    await clock.advance(0)
    expect(startedAt).toEqual([0])
    expect(limiter.stats()['p']?.waitingForRate).toBe(4)
    await clock.advance(999)
    expect(startedAt).toEqual([0])
    await clock.runAll()
    await Promise.all(done)
    expect(startedAt).toEqual([0, 1000, 2000, 3000, 4000])
  })

  it('rejects cancelled work as cancelled and gives its rate slot back', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 1, requestsPerMinute: 60 })
    const controller = new AbortController()
    const first = limiter.schedule('p', () => Promise.resolve('first'))
    const cancelled = limiter.schedule('p', () => Promise.resolve('never'), controller.signal)
    await clock.advance(0)
    controller.abort()
    await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled' })
    await expect(first).resolves.toBe('first')
    const startedAt: number[] = []
    const next = limiter.schedule('p', () => Promise.resolve(startedAt.push(clock.now())))
    await clock.runAll()
    await next
    expect(startedAt).toEqual([1000])
    expect(limiter.stats()['p']).toEqual({ inFlight: 0, waitingForRate: 0, queued: 0, window: 1 })
  })

  it('refuses a provider without configured limits', async () => {
    await expect(createLimiter().schedule('nope', () => Promise.resolve(1))).rejects.toThrow(/No limits/)
  })
})

/** A provider on virtual time: each call takes 10 ms; `script` says how a key's attempts end. */
function timedProvider(clock: FakeClock, script: Record<string, (ProviderError | null)[]> = {}) {
  const calls: { key: string; at: number }[] = []
  const provider: Provider = {
    id: 'p',
    async chat(request: ChatRequest): Promise<ChatResponse> {
      const key = request.caseKey ?? ''
      calls.push({ key, at: clock.now() })
      const attempt = calls.filter((c) => c.key === key).length - 1
      await clock.sleep(10)
      const error = script[key]?.[attempt]
      if (error) throw error
      return { ...answer, rateLimit: undefined }
    },
  }
  return { provider, calls }
}

const answer: ChatResponse = {
  text: 'ok',
  toolCalls: [],
  finishReason: 'stop',
  usage: { inputTokens: 1, outputTokens: 1, cachedTokens: 0 },
  ttftMs: 5,
  totalMs: 10,
}

const ask = (key: string): ChatRequest => ({
  messages: [{ role: 'user', content: key }],
  model: { provider: 'p', model: 'm' },
  params: {},
  caseKey: key,
})

const policy = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0, jitter: 'none' as const }
const tooMany = (retryAfterMs: number) =>
  new ProviderError('rate_limited', 'slow down', { status: 429, retryAfterMs })

describe('limiter slots per attempt', () => {
  it('gives the slot to the next call while a retry waits for its retry-after', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 1 })
    const { provider, calls } = timedProvider(clock, { a: [tooMany(1000)] })
    const deps = { now: clock.now, sleep: clock.sleep, slots: limiter.lane('p') }
    const a = callWithRetry(provider, ask('a'), policy, {}, deps)
    const b = callWithRetry(provider, ask('b'), policy, {}, deps)
    await clock.advance(15)
    // a was refused at 10 ms and waits a second; b did not wait for it.
    expect(calls).toEqual([
      { key: 'a', at: 0 },
      { key: 'b', at: 10 },
    ])
    await clock.advance(10)
    expect(limiter.stats()['p']).toMatchObject({ inFlight: 0, queued: 0 })
    await clock.runAll()
    const [first, second] = await Promise.all([a, b])
    expect(first.ok && second.ok).toBe(true)
    expect(calls.at(-1)).toEqual({ key: 'a', at: 1010 })
    // b queued while a held the slot; a's retry found it free.
    expect(second.attempts[0]?.queuedMs).toBe(10)
    expect(first.attempts[1]?.queuedMs).toBeUndefined()
  })

  it('sends a retry before calls that have not been tried yet', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 1 })
    const { provider, calls } = timedProvider(clock, { a: [tooMany(25)] })
    const deps = { now: clock.now, sleep: clock.sleep, slots: limiter.lane('p') }
    const keys = ['a', 'b', 'c', 'd', 'e', 'f']
    const all = Promise.all(keys.map((k) => callWithRetry(provider, ask(k), policy, {}, deps)))
    await clock.runAll()
    await all
    // a's retry wakes at 35 ms, while d holds the slot: it goes next, before e and f.
    expect(calls.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', 'a', 'e', 'f'])
  })

  it('narrows the window when 429s pass the tolerance, and paces what it still sends', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 8 })
    const lane = limiter.lane('p')
    for (let i = 0; i < 40; i++) (await lane.acquire()).release({ kind: 'answered', latencyMs: 400 })
    // Eleven 429s in 51 answers: past the 20 % tolerance once.
    for (let i = 0; i < 11; i++) (await lane.acquire()).release({ kind: 'refused' })
    expect(limiter.stats()['p']?.window).toBe(4)
    // Four at a time over 400 ms: one every 100 ms.
    const granted: number[] = []
    const slots = Array.from({ length: 3 }, () => lane.acquire().then((s) => granted.push(clock.now()) && s))
    await clock.runAll()
    await Promise.all(slots)
    expect(granted).toEqual([0, 100, 200])
  })

  it('paces at the limit a provider announces and holds calls while its budget is spent', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 16 })
    const lane = limiter.lane('p')
    const rateLimit = { requestsLimit: 600, requestsRemaining: 0, requestsResetMs: 1500 }
    ;(await lane.acquire()).release({ kind: 'answered', latencyMs: 50, rateLimit })
    const granted: number[] = []
    const slots = Array.from({ length: 3 }, () => lane.acquire().then((s) => granted.push(clock.now()) && s))
    await clock.runAll()
    await Promise.all(slots)
    // Nothing before the budget is back (1.5 s), then 600 a minute: one every 100 ms.
    expect(granted).toEqual([1500, 1600, 1700])
    const next = lane.acquire()
    await clock.runAll()
    expect((await next).queuedMs).toBe(100)
  })

  it('lets a paused run stop waiting without losing slots', async () => {
    const clock = new FakeClock()
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep })
    limiter.configure('p', { concurrency: 1 })
    const lane = limiter.lane('p')
    const held = await lane.acquire()
    const stop = new AbortController()
    const waiting = Array.from({ length: 500 }, () => lane.acquire({ signal: stop.signal }))
    expect(limiter.stats()['p']?.queued).toBe(500)
    stop.abort()
    const outcomes = await Promise.allSettled(waiting)
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true)
    expect(limiter.stats()['p']).toMatchObject({ inFlight: 1, queued: 0 })
    held.release({ kind: 'none' })
    await expect(lane.acquire()).resolves.toMatchObject({ queuedMs: 0 })
  })
})
