import { describe, expect, it } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createCaseTableStore } from '../../../renderer/src/stores/datasets/case-table-store'
import { rowAt } from '../../../renderer/src/stores/datasets/page-cache'
import { selectCurrentEntry, selectMatchTotal } from '../../../renderer/src/stores/datasets/selectors'
import { createFakeCore, deferred, defaultState } from '../fixtures/fake-core'
import { makeCase, seedDataset } from '../fixtures/fake-datasets'

function setup(
  count = 1200,
  slow?: (input: { search?: string; offset: number }) => Promise<void> | undefined,
) {
  const state = defaultState()
  seedDataset(state, 'ds-1', count)
  const core = createFakeCore(state)
  const cases = core.handlers['datasets.cases']!
  const transport = createMemoryTransport({
    ...core.handlers,
    'datasets.cases': async (input) => {
      await slow?.(input)
      return cases(input)
    },
  })
  const store = createCaseTableStore(createClient(transport))
  const pageCalls = () =>
    transport.calls
      .filter((c) => c.method === 'datasets.cases')
      .map((c) => c.input as { offset: number; search?: string; tags?: string[] })
  return { state, store, pageCalls, actions: store.getState().actions }
}

const flush = () => new Promise((r) => setTimeout(r, 0))
const keyAt = (store: ReturnType<typeof setup>['store'], index: number) =>
  rowAt(selectCurrentEntry(store.getState()), index)?.key

describe('case table paging', () => {
  it('fetches 500 rows a page as ranges come into view, once per page, and keeps them per query', async () => {
    const { store, pageCalls, actions } = setup()
    actions.openDataset('ds-1')
    await flush()
    expect(pageCalls()).toEqual([{ datasetId: 'ds-1', offset: 0, limit: 500 }])
    expect(selectMatchTotal(store.getState())).toBe(1200)

    await Promise.all([actions.ensureRange(480, 520), actions.ensureRange(490, 530)])
    expect(pageCalls().map((c) => c.offset)).toEqual([0, 500])
    expect(keyAt(store, 510)).toBe('k-00510')
    expect(keyAt(store, 1100)).toBeUndefined()
    expect(store.getState().varNames).toEqual(['subject', 'body'])

    actions.setSearch('Subject 7')
    await flush()
    expect(pageCalls().at(-1)).toMatchObject({ offset: 0, search: 'Subject 7' })
    actions.toggleTag('segment:smb')
    await flush()
    expect(pageCalls().at(-1)).toMatchObject({ search: 'Subject 7', tags: ['segment:smb'] })

    // Back to the unfiltered query: its pages are still cached, nothing is fetched.
    const before = pageCalls().length
    actions.clearFilters()
    await actions.ensureRange(500, 520)
    expect(pageCalls()).toHaveLength(before)
    expect(keyAt(store, 510)).toBe('k-00510')
  })

  it('shows the first case of a dataset that was empty when opened', async () => {
    const { state, store, actions } = setup(0)
    actions.openDataset('ds-1')
    await flush()
    expect(selectMatchTotal(store.getState())).toBe(0)
    state.cases['ds-1']!.push(makeCase('k-new'))
    await actions.refresh()
    expect(selectMatchTotal(store.getState())).toBe(1)
    expect(keyAt(store, 0)).toBe('k-new')
  })

  it('drops a reply for an older query and a reply sent before a refresh', async () => {
    const gate = deferred<void>()
    const { store, actions } = setup(100, (input) => (input.search === 'slow' ? gate.promise : undefined))
    actions.openDataset('ds-1')
    await flush()
    actions.setSearch('slow')
    actions.setSearch('Subject 4')
    await flush()
    expect(keyAt(store, 0)).toBe('k-00004')
    gate.resolve()
    await flush()
    expect(store.getState().query?.search).toBe('Subject 4')
    expect(keyAt(store, 0)).toBe('k-00004')
  })

  it('keeps stale rows on screen during a refresh and ignores replies from before it', async () => {
    let hold: Promise<void> | undefined
    const { state, store, actions } = setup(50, () => hold)
    actions.openDataset('ds-1')
    await flush()
    const gate = deferred<void>()
    hold = gate.promise
    state.cases['ds-1']![0]!.key = 'renamed-first'
    const first = actions.refresh()
    expect(keyAt(store, 0)).toBe('k-00000')
    expect(selectCurrentEntry(store.getState()).stale[0]).toBe(true)
    hold = undefined
    state.cases['ds-1']![0]!.key = 'renamed-again'
    await actions.refresh()
    expect(keyAt(store, 0)).toBe('renamed-again')
    gate.resolve()
    await first
    expect(keyAt(store, 0)).toBe('renamed-again')
  })
})

describe('case table selection', () => {
  it('toggles one row, Shift-click selects the range from the anchor, loading rows it needs', async () => {
    const { store, pageCalls, actions } = setup()
    actions.openDataset('ds-1')
    await flush()
    await actions.clickSelect(2)
    await actions.clickSelect(5, { shift: true })
    expect([...store.getState().selection.ids].sort()).toEqual(['ds-1-2', 'ds-1-3', 'ds-1-4', 'ds-1-5'])
    await actions.clickSelect(3)
    expect(store.getState().selection.ids.has('ds-1-3')).toBe(false)

    await actions.clickSelect(3) // anchor 3
    await actions.clickSelect(600, { shift: true })
    expect(pageCalls().map((c) => c.offset)).toEqual([0, 500])
    expect(store.getState().selection.ids.size).toBe(600 - 2 + 1)
  })

  it('selects all matching cases by paging through their ids, reusing loaded pages', async () => {
    const { store, pageCalls, actions } = setup()
    actions.openDataset('ds-1')
    await flush()
    await actions.selectAll()
    expect(store.getState().selection.ids.size).toBe(1200)
    expect(pageCalls().map((c) => c.offset)).toEqual([0, 500, 1000])
    // The pages read for ids are not kept: select-all does not grow the page cache.
    expect(Object.keys(selectCurrentEntry(store.getState()).pages)).toEqual(['0'])

    actions.toggleTag('segment:smb')
    await flush()
    expect(store.getState().selection.ids.size).toBe(0)
    await actions.selectAll()
    expect(store.getState().selection.ids.size).toBe(400)
  })
})
