import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createStores } from '../../../renderer/src/stores'
import type { RunProgress } from '../../../shared/domain/runs'
import { controlsFor, overlayLive } from '../../../renderer/src/stores/runs/progress'
import { createRunsStore } from '../../../renderer/src/stores/runs/runs-store'
import {
  interruptedRuns,
  selectInterruptedCount,
  selectSelectedRun,
} from '../../../renderer/src/stores/runs/selectors'
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
  const store = createRunsStore(createClient(transport), flushMs)
  const listCalls = () => transport.calls.filter((c) => c.method === 'runs.list').length
  return { state, store, transport, listCalls, actions: store.getState().actions }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('runs store', () => {
  it('lists runs newest first', async () => {
    const { store, actions } = setup()
    await actions.ensureLoaded()
    expect(store.getState().list.map((r) => r.id)).toEqual(['r-live', 'r-old'])
  })

  it('merges a burst of progress events into one update, and a status change at once', async () => {
    vi.useFakeTimers()
    const { store, actions, listCalls } = setup(200)
    await actions.ensureLoaded()
    actions.select('r-live')
    const planBefore = selectSelectedRun(store.getState())?.plan
    let updates = 0
    const off = store.subscribe(() => (updates += 1))
    for (let done = 11; done <= 40; done += 1) actions.applyProgress(progress('r-live', done))
    expect(updates).toBe(0)
    expect(selectSelectedRun(store.getState())?.counts.done).toBe(10)

    vi.advanceTimersByTime(200)
    expect(updates).toBe(1)
    const run = selectSelectedRun(store.getState())
    expect(run?.counts).toMatchObject({ done: 40, total: 100, spentUsd: 0.04 })
    expect(store.getState().live['r-live']?.callsPerSecond).toBe(12.5)
    // The plan object is the same one: components keyed on it (the results grid) do not re-render.
    expect(run?.plan).toBe(planBefore)

    actions.applyProgress(progress('r-live', 41, { status: 'paused' }))
    expect(updates).toBe(2)
    expect(selectSelectedRun(store.getState())?.status).toBe('paused')
    expect(listCalls()).toBe(1)
    off()
  })

  it('never lets a list reply that left before an event move the run back', async () => {
    const gate = deferred<void>()
    let slow = false
    const { store, actions } = setup(0, () => (slow ? gate.promise : undefined))
    await actions.ensureLoaded()
    slow = true
    const reload = actions.refresh()
    actions.applyProgress(progress('r-live', 55))
    gate.resolve()
    await reload
    const run = store.getState().list.find((r) => r.id === 'r-live')
    expect(run?.counts.done).toBe(55)
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

  it('pauses, resumes and cancels through the core, and shows a refusal', async () => {
    const { store, actions, transport } = setup()
    await actions.ensureLoaded()
    actions.select('r-live')
    await actions.control('r-live', 'pause')
    expect(selectSelectedRun(store.getState())?.status).toBe('paused')
    await actions.control('r-live', 'resume')
    expect(selectSelectedRun(store.getState())?.status).toBe('running')
    expect(transport.calls.filter((c) => c.method.startsWith('runs.') && c.method !== 'runs.list')).toEqual([
      { method: 'runs.pause', input: { id: 'r-live' } },
      { method: 'runs.resume', input: { id: 'r-live' } },
    ])
    await actions.control('r-gone', 'cancel')
    expect(store.getState().control).toMatchObject({ status: 'error', runId: 'r-gone', action: 'cancel' })
    expect(store.getState().control.error?.message).toContain('No run with id r-gone')
  })

  it('offers to resume interrupted runs until dismissed', async () => {
    const { store, state, actions } = setup()
    state.runs?.push(
      makeRun('r-int-1', { status: 'interrupted', createdAt: '2025-03-03T09:00:00.000Z' }),
      makeRun('r-int-2', { status: 'interrupted', createdAt: '2025-03-04T09:00:00.000Z' }),
    )
    await actions.ensureLoaded()
    const s = store.getState()
    expect(interruptedRuns(s.list, s.dismissedOffer).map((r) => r.id)).toEqual(['r-int-2', 'r-int-1'])
    expect(selectInterruptedCount(s)).toBe(2)

    await actions.control('r-int-1', 'resume')
    expect(selectInterruptedCount(store.getState())).toBe(1)
    actions.dismissOffer(['r-int-2'])
    expect(selectInterruptedCount(store.getState())).toBe(0)
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
  it('reach the store through createStores without refetching the list', async () => {
    const core = createFakeCore(defaultState())
    core.state.runs = [
      makeRun('r1', {
        status: 'running',
        counts: { total: 100, done: 0, errors: 0, cached: 0, spentUsd: 0 },
      }),
    ]
    const stores = createStores(createClient(core.transport), { progressFlushMs: 0, refetchDelayMs: 1 })
    await stores.runs.getState().actions.ensureLoaded()
    for (let done = 1; done <= 20; done += 1) core.transport.emit('runs.progress', progress('r1', done))
    await flush()
    expect(stores.runs.getState().list[0]?.counts.done).toBe(20)
    expect(core.transport.calls.filter((c) => c.method === 'runs.list')).toHaveLength(1)
    stores.dispose()
  })
})
