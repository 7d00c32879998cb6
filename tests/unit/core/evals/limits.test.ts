import { describe, expect, it } from 'vitest'
import { createLimiter } from '../../../../electron/main/core/evals/limits'
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
