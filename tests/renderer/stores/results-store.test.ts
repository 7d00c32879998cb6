import { afterEach, describe, expect, it, vi } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { resultAt, resultStatus } from '../../../renderer/src/stores/runs/result-pages'
import { createResultsStore } from '../../../renderer/src/stores/runs/results-store'
import { selectResultEntry } from '../../../renderer/src/stores/runs/selectors'
import { throttleTables } from '../../../renderer/src/stores/watch-tables'
import { createFakeCore, deferred, defaultState } from '../fixtures/fake-core'
import { makeResult, makeRun } from '../fixtures/fake-runs'

const flush = () => new Promise((r) => setTimeout(r, 0))

function setup(
  count = 1000,
  slow?: (input: { offset: number; status?: string }) => Promise<void> | undefined,
) {
  const state = defaultState()
  state.runs = [makeRun('r1', { counts: { total: count, done: count, errors: 0, cached: 0, spentUsd: 0 } })]
  state.runResults = {
    r1: Array.from({ length: count }, (_, i) =>
      makeResult('r1', i, {
        modelId: i % 2 === 0 ? 'triage-sim-2026-03' : 'triage-sim-2026-09',
        ...(i % 10 === 3
          ? { errorKind: 'timeout', errorMessage: 'No answer in 30 s', responseText: null }
          : {}),
      }),
    ),
  }
  const core = createFakeCore(state)
  const results = core.handlers['runs.results']!
  const transport = createMemoryTransport({
    ...core.handlers,
    'runs.results': async (input) => {
      await slow?.(input)
      return results(input)
    },
  })
  const store = createResultsStore(createClient(transport))
  const pageCalls = () =>
    transport.calls
      .filter((c) => c.method === 'runs.results')
      .map((c) => c.input as { offset: number; limit: number; status?: string; modelId?: string })
  return { state, store, transport, pageCalls, actions: store.getState().actions }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('results page cache', () => {
  it('fetches 200 results a page as rows come into view, once per page, and keeps pages per filter', async () => {
    const { store, pageCalls, actions } = setup()
    actions.open('r1')
    await flush()
    expect(pageCalls()).toEqual([{ runId: 'r1', offset: 0, limit: 200 }])
    expect(selectResultEntry(store.getState()).total).toBe(1000)

    await Promise.all([actions.ensureRange(190, 230), actions.ensureRange(195, 240)])
    expect(pageCalls().map((c) => c.offset)).toEqual([0, 200])
    expect(resultAt(selectResultEntry(store.getState()), 210)?.caseId).toBe('case-0210')

    actions.setFilter({ status: 'error' })
    await flush()
    expect(pageCalls().at(-1)).toEqual({ runId: 'r1', offset: 0, limit: 200, status: 'error' })
    expect(selectResultEntry(store.getState()).total).toBe(100)
    actions.setFilter({ modelId: 'triage-sim-2026-09' })
    await flush()
    expect(pageCalls().at(-1)).toMatchObject({ status: 'error', modelId: 'triage-sim-2026-09' })

    const before = pageCalls().length
    actions.clearFilters()
    await actions.ensureRange(200, 220)
    expect(pageCalls()).toHaveLength(before)
  })

  it('refresh keeps stale rows on screen and refetches only the visible pages', async () => {
    const { store, state, pageCalls, actions } = setup(1000)
    actions.open('r1')
    await flush()
    await actions.ensureRange(600, 640)
    const calls = pageCalls().length
    state.runResults?.r1?.push(makeResult('r1', 1000))
    const refresh = actions.refresh()
    expect(resultAt(selectResultEntry(store.getState()), 610)?.caseId).toBe('case-0610')
    await refresh
    expect(
      pageCalls()
        .slice(calls)
        .map((c) => c.offset),
    ).toEqual([600])
    expect(selectResultEntry(store.getState()).total).toBe(1001)
  })

  it('fetches again after a refresh when the run had no results yet', async () => {
    const { store, state, actions } = setup(0)
    actions.open('r1')
    await flush()
    expect(selectResultEntry(store.getState()).total).toBe(0)
    state.runResults?.r1?.push(makeResult('r1', 0), makeResult('r1', 1))
    await actions.refresh()
    expect(selectResultEntry(store.getState()).total).toBe(2)
  })

  it('drops a page reply for a filter that is no longer shown', async () => {
    const gate = deferred<void>()
    const { store, actions } = setup(100, (input) => (input.status === 'error' ? gate.promise : undefined))
    actions.open('r1')
    await flush()
    actions.setFilter({ status: 'error' })
    actions.setFilter({ status: 'ok' })
    await flush()
    gate.resolve()
    await flush()
    expect(store.getState().query?.status).toBe('ok')
    expect(selectResultEntry(store.getState()).total).toBe(90)
  })

  it('opens the detail of the active row and keeps it while pages refresh', async () => {
    const { store, actions } = setup(50)
    actions.open('r1')
    await flush()
    actions.setActive(3)
    actions.openDetail()
    expect(store.getState().detail?.caseId).toBe('case-0003')
    expect(resultStatus(store.getState().detail!)).toBe('error')
    await actions.refresh()
    expect(store.getState().detail?.caseId).toBe('case-0003')
    actions.closeDetail()
    expect(store.getState().detail).toBeNull()
  })
})

describe('throttled refresh while a run writes results', () => {
  it('refreshes at most once per interval under a steady stream, and once after the last change', () => {
    vi.useFakeTimers()
    const transport = createMemoryTransport({})
    const onChange = vi.fn()
    const off = throttleTables(createClient(transport), ['run_results'], onChange, 1000)
    for (let t = 0; t < 30; t += 1) {
      transport.emit('db.changed', { tables: ['run_results', 'runs'] })
      vi.advanceTimersByTime(100)
    }
    // 3 s of batches every 100 ms: the first at once, then one a second.
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(3)
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(4)
    transport.emit('db.changed', { tables: ['datasets'] })
    vi.advanceTimersByTime(5000)
    const settled = onChange.mock.calls.length
    transport.emit('db.changed', { tables: ['run_results'] })
    vi.advanceTimersByTime(1000)
    expect(onChange).toHaveBeenCalledTimes(settled + 1)
    off()
  })
})
