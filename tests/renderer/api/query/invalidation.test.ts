import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { readsOf, type TableName } from '../../../../shared/contract'
import { createClient, createMemoryTransport } from '../../../../renderer/src/api'
import { invalidateOnChange, readsMeet, rpcQueryKey } from '../../../../renderer/src/api/query'

const changed = (...tables: TableName[]) => new Set(tables)
const query = (key: readonly unknown[]) => ({ queryKey: key })

describe('readsMeet: which queries a db.changed makes stale', () => {
  const summary = query(rpcQueryKey('runs.summary', { runId: 'r1' }))

  it('takes a query whose method reads a changed table', () => {
    expect(readsOf('runs.summary')).toContain('run_scores')
    expect(readsMeet(changed('run_scores'))(summary)).toBe(true)
  })

  it('leaves a query whose method reads none of the changed tables', () => {
    expect(readsOf('runs.summary')).not.toContain('reviewers')
    expect(readsMeet(changed('reviewers', 'audit_log'))(summary)).toBe(false)
  })

  it('takes a query whose method declares no reads on any change: never stale, at worst refetched', () => {
    expect(readsOf('app.status')).toEqual([])
    expect(readsMeet(changed('reviewers'))(query(rpcQueryKey('app.status', {})))).toBe(true)
  })

  it('takes every contract query on a reconnect', () => {
    expect(readsMeet('all')(summary)).toBe(true)
  })

  it('leaves keys that are not contract methods alone', () => {
    expect(readsMeet(changed('runs'))(query(['local', 'thing']))).toBe(false)
    expect(readsMeet('all')(query(['runs.sumary', {}]))).toBe(false)
  })
})

describe('invalidateOnChange: the one db.changed listener', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function setup() {
    const transport = createMemoryTransport({})
    const queries = new QueryClient()
    queries.setQueryData(rpcQueryKey('runs.summary', { runId: 'r1' }), { slices: [] })
    queries.setQueryData(rpcQueryKey('baselines.list', { promptId: 'p1' }), [])
    const stop = invalidateOnChange(createClient(transport), queries, { delayMs: 10, intervalMs: 100 })
    const stale = () =>
      queries
        .getQueryCache()
        .getAll()
        .filter((q) => q.state.isInvalidated)
        .map((q) => q.queryKey[0])
    return { transport, queries, stale, stop }
  }

  it('invalidates only the queries reading a changed table, after the delay', () => {
    const { transport, stale } = setup()
    transport.emit('db.changed', { tables: ['run_results', 'runs'] })
    expect(stale()).toEqual([])
    vi.advanceTimersByTime(10)
    expect(stale()).toEqual(['runs.summary'])
  })

  it('turns a steady stream of changes into one invalidation per interval', () => {
    const { transport, queries, stale } = setup()
    const spy = vi.spyOn(queries, 'invalidateQueries')
    for (let t = 0; t < 250; t += 10) {
      transport.emit('db.changed', { tables: ['run_results'] })
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(200)
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3)
    expect(spy.mock.calls.length).toBeLessThanOrEqual(4)
    expect(stale()).toEqual(['runs.summary'])
  })

  it('invalidates every query when the connection comes back (events were missed)', () => {
    const { transport, stale } = setup()
    transport.connection.set({ status: 'reconnecting', attempt: 1, since: 0 })
    transport.connection.set({ status: 'connected' })
    vi.advanceTimersByTime(10)
    expect(stale().sort()).toEqual(['baselines.list', 'runs.summary'])
  })

  it('stops listening when disposed', () => {
    const { transport, stale, stop } = setup()
    stop()
    transport.emit('db.changed', { tables: ['runs'] })
    vi.advanceTimersByTime(1000)
    expect(stale()).toEqual([])
  })
})
