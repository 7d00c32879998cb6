import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createQueryClient } from '../../../renderer/src/api/query'
import { createRunFeed, liveKey, runListKey, type LiveByRun } from '../../../renderer/src/queries/run-feed'
import { createStores } from '../../../renderer/src/stores'
import { controlsFor, overlayLive } from '../../../renderer/src/stores/runs/progress'
import type { Run, RunProgress } from '../../../shared/domain/runs'
import { createFakeCore, deferred, defaultState } from '../fixtures/fake-core'
import { makeRun } from '../fixtures/fake-runs'

const flush = () => new Promise((r) => setTimeout(r, 0))

function progress(runId: string, done: number, extra: Partial<RunProgress> = {}): RunProgress {
  return {
    runId,
    status: 'running',
    done,
    total: 100,
    errors: 0,
    callsPerSecond: 12.5,
    spentUsd: done * 0.001,
    etaSeconds: (100 - done) / 12.5,
    batch: null,
    ...extra,
  }
}

function setup(flushMs = 50, slowList?: () => Promise<void> | undefined) {
  const state = defaultState()
  state.runs = [
    makeRun('r-old', { createdAt: '2025-03-01T09:00:00.000Z' }),
    makeRun('r-live', {
      status: 'running',
      createdAt: '2025-03-02T09:00:00.000Z',
      counts: { total: 100, done: 10, errors: 0, cached: 0, spentUsd: 0.01 },
    }),
  ]
  const core = createFakeCore(state)
  const list = core.handlers['runs.list']!
  const transport = createMemoryTransport({
    ...core.handlers,
    'runs.list': async (input) => {
      const reply = list(input)
      await slowList?.()
      return reply
    },
  })
  const queries = createQueryClient()
  const feed = createRunFeed(createClient(transport), queries, flushMs)
  const listCalls = () => transport.calls.filter((c) => c.method === 'runs.list').length
  const runs = () => queries.getQueryData<Run[]>(runListKey) ?? []
  const run = (id: string) => runs().find((r) => r.id === id)
  const load = () => queries.fetchQuery(feed.listOptions)
  return { state, feed, queries, transport, listCalls, runs, run, load }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('run feed over the cached run list', () => {
  it('lists runs newest first', async () => {
    const { load, runs } = setup()
    await load()
    expect(runs().map((r) => r.id)).toEqual(['r-live', 'r-old'])
  })

  it('merges a burst of progress events into one update, and a status change at once', async () => {
    vi.useFakeTimers()
    const { load, run, queries, transport, listCalls } = setup(200)
    await load()
    const planBefore = run('r-live')?.plan
    let updates = 0
    const off = queries.getQueryCache().subscribe((e) => {
      if (e.type === 'updated' && e.query.queryKey[0] === 'runs.list') updates += 1
    })
    for (let done = 11; done <= 40; done += 1) transport.emit('runs.progress', progress('r-live', done))
    expect(updates).toBe(0)
    expect(run('r-live')?.counts.done).toBe(10)

    vi.advanceTimersByTime(200)
    expect(updates).toBe(1)
    expect(run('r-live')?.counts).toMatchObject({ done: 40, total: 100, spentUsd: 0.04 })
    expect(queries.getQueryData<LiveByRun>(liveKey)?.['r-live']?.callsPerSecond).toBe(12.5)
    // The plan object is the same one: components keyed on it (the results grid) do not re-render.
    expect(run('r-live')?.plan).toBe(planBefore)

    transport.emit('runs.progress', progress('r-live', 41, { status: 'paused' }))
    expect(updates).toBe(2)
    expect(run('r-live')?.status).toBe('paused')
    expect(listCalls()).toBe(1)
    off()
  })

  it('never lets a list reply that left before an event move the run back', async () => {
    const gate = deferred<void>()
    let slow = false
    const { load, run, queries, transport } = setup(0, () => (slow ? gate.promise : undefined))
    await load()
    slow = true
    const reload = queries.refetchQueries({ queryKey: runListKey })
    transport.emit('runs.progress', progress('r-live', 55))
    gate.resolve()
    await reload
    expect(run('r-live')?.counts.done).toBe(55)
  })

  it('overlays only events newer than the request and never lowers the done count', () => {
    const list = [
      makeRun('a', { status: 'running', counts: { total: 10, done: 6, errors: 0, cached: 0, spentUsd: 0 } }),
    ]
    const live = { a: { ...progress('a', 4), stamp: 5 } }
    expect(overlayLive(list, live, 2)[0]?.counts.done).toBe(6)
    const ahead = { a: { ...progress('a', 8, { status: 'completed' }), stamp: 5 } }
    expect(overlayLive(list, ahead, 2)[0]).toMatchObject({ status: 'completed', counts: { done: 8 } })
    expect(overlayLive(list, ahead, 5)[0]?.counts.done).toBe(6)
  })

  it('drops a buffered event older than the list reply that landed before it', async () => {
    vi.useFakeTimers()
    const { load, run, state, queries, transport } = setup(200)
    await load()
    transport.emit('runs.progress', progress('r-live', 30))
    const live = state.runs?.find((r) => r.id === 'r-live')
    if (live) live.counts = { ...live.counts, done: 80 }
    await queries.refetchQueries({ queryKey: runListKey })
    expect(run('r-live')?.counts.done).toBe(80)
    vi.advanceTimersByTime(200)
    expect(run('r-live')?.counts.done).toBe(80)
    transport.emit('runs.progress', progress('r-live', 90))
    vi.advanceTimersByTime(200)
    expect(run('r-live')?.counts.done).toBe(90)
  })

  it('keeps a run the cache holds further along than a reply read before it', async () => {
    const gate = deferred<void>()
    let slow = false
    const { load, run, feed, queries } = setup(0, () => (slow ? gate.promise : undefined))
    await load()
    slow = true
    const reload = queries.refetchQueries({ queryKey: runListKey })
    const counts = { total: 100, done: 60, errors: 0, cached: 0, spentUsd: 0.06 }
    feed.adopt(makeRun('r-live', { status: 'paused', createdAt: '2025-03-02T09:00:00.000Z', counts }))
    gate.resolve()
    await reload
    expect(run('r-live')).toMatchObject({ status: 'paused', counts: { done: 60 } })
  })

  it('shows a run the core returned at once, newest first, replacing its last event', async () => {
    const { load, feed, runs, transport, queries } = setup(0)
    await load()
    transport.emit('runs.progress', progress('r-live', 30))
    feed.adopt(makeRun('r-live', { status: 'paused', createdAt: '2025-03-02T09:00:00.000Z' }))
    feed.adopt(makeRun('r-new', { createdAt: '2025-03-05T09:00:00.000Z' }))
    expect(runs().map((r) => `${r.id}:${r.status}`)).toEqual([
      'r-new:completed',
      'r-live:paused',
      'r-old:completed',
    ])
    expect(queries.getQueryData<LiveByRun>(liveKey)?.['r-live']).toBeUndefined()
  })

  it('offers the controls that fit the status', () => {
    expect(controlsFor('running')).toEqual(['pause', 'cancel'])
    expect(controlsFor('paused')).toEqual(['resume', 'cancel'])
    expect(controlsFor('interrupted')).toEqual(['resume', 'cancel'])
    expect(controlsFor('cancelled')).toEqual(['resume'])
    expect(controlsFor('failed')).toEqual(['resume'])
    expect(controlsFor('completed')).toEqual([])
  })
})

describe('progress events from the transport', () => {
  it('reach the cached list through createStores without refetching it', async () => {
    const core = createFakeCore(defaultState())
    core.state.runs = [
      makeRun('r1', {
        status: 'running',
        counts: { total: 100, done: 0, errors: 0, cached: 0, spentUsd: 0 },
      }),
    ]
    const stores = createStores(createClient(core.transport), { progressFlushMs: 0, refetchDelayMs: 1 })
    await stores.queries.fetchQuery(stores.runFeed.listOptions)
    for (let done = 1; done <= 20; done += 1) core.transport.emit('runs.progress', progress('r1', done))
    await flush()
    expect(stores.queries.getQueryData<Run[]>(runListKey)?.[0]?.counts.done).toBe(20)
    expect(core.transport.calls.filter((c) => c.method === 'runs.list')).toHaveLength(1)
    stores.dispose()
  })
})
