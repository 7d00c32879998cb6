import { createStore, type StoreApi } from 'zustand/vanilla'
import type { SnapshotDiff } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'

/** A diff against the working copy goes stale when cases change; one between snapshots never does. */
export const snapshotDiffTables = ['dataset_cases'] as const

/** Two versions of a dataset: snapshot ids, `to` may be the working copy. */
export interface SnapshotPair {
  from: string
  to: string
}

export interface SnapshotDiffActions {
  open: (datasetId: string, pair: SnapshotPair) => Promise<void>
  refresh: () => Promise<void>
  clear: () => void
}

export interface SnapshotDiffState {
  datasetId: string | null
  pair: SnapshotPair | null
  diff: SnapshotDiff | null
  load: LoadState
  actions: SnapshotDiffActions
}

export type SnapshotDiffStore = StoreApi<SnapshotDiffState>

export function createSnapshotDiffStore(client: ApiClient): SnapshotDiffStore {
  const seq = createSequence()
  return createStore<SnapshotDiffState>()((set, get) => {
    const actions: SnapshotDiffActions = {
      async open(datasetId, pair) {
        const n = seq.next()
        const same =
          get().datasetId === datasetId && get().pair?.from === pair.from && get().pair?.to === pair.to
        set({ datasetId, pair, load: loading, ...(same ? {} : { diff: null }) })
        try {
          const diff = await client.call('datasets.diffSnapshots', { datasetId, ...pair })
          if (seq.isLatest(n)) set({ diff, load: ready })
        } catch (error) {
          if (seq.isLatest(n)) set({ load: failed(toErrorInfo(error)) })
        }
      },
      async refresh() {
        const { datasetId, pair } = get()
        if (datasetId && pair?.to === 'working') await actions.open(datasetId, pair)
      },
      clear() {
        seq.next()
        set({ datasetId: null, pair: null, diff: null, load: idle })
      },
    }
    return { datasetId: null, pair: null, diff: null, load: idle, actions }
  })
}
