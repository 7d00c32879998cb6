import { describe, expect, it } from 'vitest'
import { providerDefaults } from '../../../../electron/main/core/llm/catalog'
import { cappedLane } from '../../../../electron/main/core/llm/capped-lane'
import { createLlmGateway } from '../../../../electron/main/core/llm/gateway'
import type { Slot } from '../../../../electron/main/core/llm/limits'
import type { ProviderSettings } from '../../../../electron/main/core/llm/providers/settings'
import type { Repos } from '../../../../electron/main/core/db/repos'
import { flush } from './fake-clock'

// The gateway reads Settings only for names it is not given settings for; these tests always give them.
const noRepos = {} as Repos
const gateway = () => createLlmGateway({ repos: noRepos, options: { demoLatencyScale: 0 } })
const box: ProviderSettings = {
  kind: 'openai-compatible',
  baseUrl: 'http://127.0.0.1:9/v1',
  concurrency: 4,
}

/** Takes `n` slots of a source; returns those granted so far after the microtasks settle. */
async function take(acquire: () => Promise<Slot>, n: number): Promise<Slot[]> {
  const granted: Slot[] = []
  for (let i = 0; i < n; i++) void acquire().then((slot) => granted.push(slot))
  await flush()
  return granted
}

describe('the LLM gateway', () => {
  it('gives every caller of one provider the same lane: four slots in all, not four each', async () => {
    const llm = gateway()
    const run = llm.provider('lab-box', box)
    const judge = llm.provider('lab-box', box)
    const runSlots = await take(() => run.slots.acquire(), 3)
    const judgeSlots = await take(() => judge.slots.acquire(), 3)
    expect([runSlots.length, judgeSlots.length]).toEqual([3, 1])
    expect(llm.stats()['lab-box']).toMatchObject({ inFlight: 4, queued: 2 })
    runSlots[0]?.release({ kind: 'answered' })
    await flush()
    expect(judgeSlots).toHaveLength(2)
  })

  it('keeps providers apart: a busy one does not hold up another', async () => {
    const llm = gateway()
    await take(() => llm.provider('lab-box', box).slots.acquire(), 4)
    const other = await take(() => llm.provider('night-box', box).slots.acquire(), 2)
    expect(other).toHaveLength(2)
  })

  it('applies a concurrency changed in Settings to the next caller', async () => {
    const llm = gateway()
    llm.provider('lab-box', box)
    const after = await take(() => llm.provider('lab-box', { ...box, concurrency: 1 }).slots.acquire(), 3)
    expect(after).toHaveLength(1)
  })

  it('takes a concurrency saved in Settings at once, for callers already under way', async () => {
    let stored = { ...providerDefaults('lab-box', 'openai-compatible'), baseUrl: box.baseUrl ?? null }
    const repos = { providerSettings: { get: () => stored } } as unknown as Repos
    const llm = createLlmGateway({ repos })
    const run = llm.provider('lab-box', box)
    const first = await take(() => run.slots.acquire(), 4)
    stored = { ...stored, concurrency: 1 }
    llm.settingsChanged('lab-box')
    const later = await take(() => run.slots.acquire(), 2)
    for (const slot of first) slot.release({ kind: 'answered' })
    await flush()
    expect(later).toHaveLength(1)
    expect(llm.stats()['lab-box']).toMatchObject({ inFlight: 1, queued: 1, window: 1 })
  })

  it('caps one caller below the provider without taking slots from the others', async () => {
    const llm = gateway()
    const capped = llm.provider('lab-box', box, { cap: 1 })
    const mine = await take(() => capped.slots.acquire(), 3)
    const others = await take(() => llm.provider('lab-box', box).slots.acquire(), 4)
    expect([mine.length, others.length]).toEqual([1, 3])
    mine[0]?.release({ kind: 'answered' })
    await flush()
    // The freed slot goes to whoever waited first at the provider; the capped caller's next call queues there.
    expect(others).toHaveLength(4)
    expect(llm.stats()['lab-box']).toMatchObject({ inFlight: 4, queued: 1 })
  })
})

describe('a capped lane', () => {
  it('sends retries first and drops what is cancelled while waiting', async () => {
    const llm = gateway()
    const lane = cappedLane(llm.provider('lab-box', box).slots, 1)
    const first = await take(() => lane.acquire(), 1)
    const stop = new AbortController()
    const order: string[] = []
    const cancelled = lane.acquire({ signal: stop.signal }).catch((error: Error) => order.push(error.message))
    void lane.acquire().then(() => order.push('fresh'))
    void lane.acquire({ retry: true }).then(() => order.push('retry'))
    stop.abort()
    await cancelled
    first[0]?.release({ kind: 'answered' })
    await flush()
    expect(order).toEqual(['Cancelled before it was sent.', 'retry'])
  })
})
