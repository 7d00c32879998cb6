import { QueryObserver } from '@tanstack/react-query'
import { waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createClient } from '../../../renderer/src/api'
import { rpcQueryOptions } from '../../../renderer/src/api/query'
import { groupTags, share } from '../../../renderer/src/features/datasets/side/coverage'
import { createStores } from '../../../renderer/src/stores'
import { createFakeCore, defaultState } from '../fixtures/fake-core'

describe('dataset list query', () => {
  it('is refetched on a change of a table it reads while a screen shows it, and not on others', async () => {
    const state = defaultState()
    state.datasets = [
      {
        id: 'd1',
        name: 'Tickets',
        description: '',
        caseCount: 4,
        tagCounts: {},
        updatedAt: '2025-01-01T00:00:00Z',
        snapshotCount: 0,
        parentId: null,
      },
    ]
    const core = createFakeCore(state)
    const stores = createStores(createClient(core.transport), { refetchDelayMs: 1, liveRefreshMs: 1 })
    const count = () => core.transport.calls.filter((c) => c.method === 'datasets.list').length
    const shown = new QueryObserver(stores.queries, rpcQueryOptions(stores.client, 'datasets.list', {}))
    const off = shown.subscribe(() => undefined)
    await waitFor(() => expect(shown.getCurrentResult().data?.[0]?.name).toBe('Tickets'))
    expect(count()).toBe(1)

    core.transport.emit('db.changed', { tables: ['runs'] })
    await new Promise((r) => setTimeout(r, 20))
    expect(count()).toBe(1)
    core.transport.emit('db.changed', { tables: ['dataset_cases'] })
    await waitFor(() => expect(count()).toBe(2))
    off()
    stores.dispose()
  })
})

describe('groupTags', () => {
  it('groups by prefix, sorts groups by name (unprefixed last) and rows by count then name', () => {
    const groups = groupTags({
      'lang:en': 5,
      'segment:smb': 2,
      urgent: 1,
      'lang:de': 2,
      'segment:enterprise': 2,
      'lang:fr': 9,
    })
    expect(groups.map((g) => [g.prefix, g.rows.map((r) => `${r.label}=${r.count}`)])).toEqual([
      ['lang', ['fr=9', 'en=5', 'de=2']],
      ['segment', ['enterprise=2', 'smb=2']],
      ['', ['urgent=1']],
    ])
    expect(share(1, 3)).toBe(33)
    expect(share(1, 0)).toBe(0)
  })
})
