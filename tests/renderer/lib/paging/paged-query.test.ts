import { describe, expect, it } from 'vitest'
import { createStore } from 'zustand/vanilla'
import {
  createPagedQuery,
  type PagedSlice,
  type PageReply,
} from '../../../../renderer/src/lib/paging/paged-query'
import { rowAt } from '../../../../renderer/src/lib/paging/page-cache'

interface Query {
  name: string
}

interface State extends PagedSlice<Query, string> {
  pagesSeen: number
}

const pageSize = 10
const flush = () => new Promise((r) => setTimeout(r, 0))

function deferredReply() {
  let resolve: (reply: PageReply<string>) => void = () => undefined
  let reject: (error: Error) => void = () => undefined
  const promise = new Promise<PageReply<string>>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A store over 100 rows per query name, whose page replies the test releases by hand. */
function setup(maxQueries?: number) {
  const calls: { name: string; page: number; reply: ReturnType<typeof deferredReply> }[] = []
  const store = createStore<State>()(() => ({
    query: null,
    key: null,
    entries: {},
    order: [],
    loadError: null,
    pagesSeen: 0,
  }))
  const paged = createPagedQuery<Query, string, State>({
    get: store.getState,
    set: store.setState,
    pageSize,
    maxPages: 3,
    ...(maxQueries ? { maxQueries } : {}),
    keyOf: (q) => q.name,
    fetchPage: (query, page) => {
      const reply = deferredReply()
      calls.push({ name: query.name, page, reply })
      return reply.promise
    },
    onPage: (s) => ({ pagesSeen: s.pagesSeen + 1 }),
  })
  const answer = (index: number, total = 100) => {
    const call = calls[index]!
    const from = call.page * pageSize
    call.reply.resolve({
      rows: Array.from({ length: pageSize }, (_, i) => `${call.name}${from + i}`),
      total,
    })
    return flush()
  }
  return { store, paged, calls, answer }
}

describe('paged query', () => {
  it('shows a query, fetching its first page with the extra state in the same set', async () => {
    const { store, paged, calls, answer } = setup()
    paged.show({ name: 'a' }, { pagesSeen: 0 })
    expect(store.getState().key).toBe('a')
    expect(calls.map((c) => c.page)).toEqual([0])
    await answer(0)
    expect(rowAt(paged.current(), 3, pageSize)).toBe('a3')
    expect(paged.current().total).toBe(100)
    expect(store.getState().pagesSeen).toBe(1)
  })

  it('sends at most one request per page while one is in flight', async () => {
    const { paged, calls, answer } = setup()
    paged.show({ name: 'a' }, {})
    await answer(0)
    const both = Promise.all([paged.ensureRange(15, 25), paged.ensureRange(18, 29)])
    expect(calls.map((c) => c.page)).toEqual([0, 1, 2])
    await answer(1)
    await answer(2)
    await both
    expect(rowAt(paged.current(), 25, pageSize)).toBe('a25')
  })

  it('drops replies sent before a refresh or an invalidate', async () => {
    const { store, paged, calls, answer } = setup()
    paged.show({ name: 'a' }, {})
    await answer(0)
    void paged.ensureRange(10, 12)
    void paged.refresh()
    // Only the visible page is fetched again; page 0 stays on screen, stale.
    expect(calls.map((c) => c.page)).toEqual([0, 1, 1])
    expect(paged.current().stale).toEqual({ 0: true })
    await answer(1)
    expect(paged.current().pages[1]).toBeUndefined()
    await answer(2)
    expect(rowAt(paged.current(), 11, pageSize)).toBe('a11')
    expect(paged.current().stale).toEqual({ 0: true })

    void paged.ensureRange(40, 41)
    paged.invalidate()
    await answer(3)
    expect(paged.current().pages[4]).toBeUndefined()
    expect(store.getState().pagesSeen).toBe(2)
  })

  it('keeps pages per query up to maxQueries, and drops replies for an evicted query', async () => {
    const { store, paged, calls, answer } = setup(2)
    paged.show({ name: 'a' }, {})
    paged.show({ name: 'b' }, {})
    paged.show({ name: 'c' }, {})
    expect(store.getState().order).toEqual(['c', 'b'])
    await answer(0)
    expect(store.getState().entries['a']).toBeUndefined()
    await answer(1)
    await answer(2)
    paged.show({ name: 'b' }, {})
    expect(paged.current().total).toBe(100)
    expect(calls).toHaveLength(3)
  })

  it('reports a failed page for the shown query only', async () => {
    const { store, paged, calls, answer } = setup()
    paged.show({ name: 'a' }, {})
    calls[0]!.reply.reject(new Error('offline'))
    await flush()
    expect(store.getState().loadError).not.toBeNull()
    paged.show({ name: 'b' }, {})
    expect(store.getState().loadError).toBeNull()
    await answer(1)
    expect(store.getState().loadError).toBeNull()
  })
})
