import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MethodName } from '../../../../shared/contract'
import { createClient, createMemoryTransport } from '../../../../renderer/src/api'
import { invalidateOnChange, rpcQueryKey } from '../../../../renderer/src/api/query'

/*
 * A finished run's screen stays still while another run writes: each batch a running run writes names its
 * run, and only that run's queries (and those of no run, like the runs list) are refetched.
 */

const page = (runId: string) => rpcQueryKey('runs.resultRows', { runId, offset: 0, limit: 200 })

function setup() {
  const transport = createMemoryTransport({})
  const queries = new QueryClient()
  const fetches: string[] = []
  const watch = (key: readonly [MethodName, unknown], name: string) => {
    const observer = new QueryObserver(queries, {
      queryKey: key,
      queryFn: () => {
        fetches.push(name)
        return { name }
      },
    })
    return observer.subscribe(() => undefined)
  }
  const offs = [
    watch(page('run-a'), 'A page'),
    watch(rpcQueryKey('runs.summary', { runId: 'run-a' }), 'A summary'),
    watch(rpcQueryKey('runs.get', { id: 'run-a' }), 'A run'),
    watch(page('run-b'), 'B page'),
    watch(rpcQueryKey('runs.list', {}), 'runs list'),
  ]
  const stop = invalidateOnChange(createClient(transport), queries, { delayMs: 10, intervalMs: 100 })
  return { transport, fetches, stop: () => [stop, ...offs].forEach((off) => off()) }
}

async function settle() {
  await vi.advanceTimersByTimeAsync(200)
}

describe('db.changed scoped by run', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('refetches run B’s queries and the runs list for B’s results, never finished run A’s pages', async () => {
    const { transport, fetches, stop } = setup()
    await settle()
    fetches.length = 0
    for (let batch = 0; batch < 5; batch++) {
      transport.emit('db.changed', { tables: ['run_results', 'runs'], runIds: ['run-b'] })
      await vi.advanceTimersByTimeAsync(30)
    }
    await settle()
    expect(new Set(fetches)).toEqual(new Set(['B page', 'runs list']))
    stop()
  })

  it('still refetches run A for a change to A, or a change naming no run, gathered with B’s', async () => {
    const { transport, fetches, stop } = setup()
    await settle()
    fetches.length = 0
    transport.emit('db.changed', { tables: ['run_results'], runIds: ['run-b'] })
    transport.emit('db.changed', { tables: ['runs'], runIds: ['run-a'] })
    await settle()
    expect(new Set(fetches)).toEqual(new Set(['B page', 'A page', 'A summary', 'A run', 'runs list']))

    fetches.length = 0
    transport.emit('db.changed', { tables: ['run_results'], runIds: ['run-b'] })
    transport.emit('db.changed', { tables: ['run_results'] })
    await settle()
    // runs.list reads no results: results alone leave it be.
    expect(new Set(fetches)).toEqual(new Set(['B page', 'A page', 'A summary']))
    stop()
  })
})
