import { describe, expect, it } from 'vitest'
import { createClient, createMemoryTransport } from '../../../renderer/src/api'
import { createQueryClient } from '../../../renderer/src/api/query'
import { fetchCasePage } from '../../../renderer/src/queries/case-pages'
import { createCaseTableStore, followVarNames } from '../../../renderer/src/stores/datasets/case-table-store'
import { createFakeCore, defaultState } from '../fixtures/fake-core'
import { seedDataset } from '../fixtures/fake-datasets'

function setup(count = 1200) {
  const state = defaultState()
  seedDataset(state, 'ds-1', count)
  const core = createFakeCore(state)
  const transport = createMemoryTransport(core.handlers)
  const client = createClient(transport)
  const queries = createQueryClient()
  const store = createCaseTableStore(client, queries)
  followVarNames(store, queries)
  const pageCalls = () =>
    transport.calls
      .filter((c) => c.method === 'datasets.cases')
      .map((c) => c.input as { offset: number; search?: string; tags?: string[] })
  /** What the table does when it shows the top rows: asks for the first page. */
  const showTop = async () => {
    const query = store.getState().query
    if (query) await fetchCasePage(client, queries, query, 0)
  }
  return { store, queries, pageCalls, showTop, actions: store.getState().actions }
}

describe('case table store', () => {
  it('keeps the query in the store and reads rows from the query cache; columns follow the rows', async () => {
    const { store, showTop, actions } = setup()
    actions.openDataset('ds-1')
    expect(actions.rowAt(0)).toBeNull()
    await showTop()
    expect(actions.rowAt(0)?.key).toBe('k-00000')
    expect(actions.rowAt(510)).toBeNull()
    expect(store.getState().varNames).toEqual(['subject', 'body'])
    actions.toggleTag('segment:smb')
    expect(store.getState().query).toMatchObject({ tags: ['segment:smb'] })
    expect(actions.rowAt(0)).toBeNull()
  })

  it('toggles one row, Shift-click selects the range from the anchor, loading rows it needs', async () => {
    const { store, pageCalls, showTop, actions } = setup()
    actions.openDataset('ds-1')
    await showTop()
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
    const { store, pageCalls, showTop, actions } = setup()
    actions.openDataset('ds-1')
    await showTop()
    await actions.selectAll()
    expect(store.getState().selection.ids.size).toBe(1200)
    expect(pageCalls().map((c) => c.offset)).toEqual([0, 500, 1000])

    actions.toggleTag('segment:smb')
    expect(store.getState().selection.ids.size).toBe(0)
    await actions.selectAll()
    expect(store.getState().selection.ids.size).toBe(400)
  })
})
