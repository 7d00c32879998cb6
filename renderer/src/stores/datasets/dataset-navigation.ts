import type { QueryClient } from '@tanstack/react-query'
import type { DatasetDetail } from '../../../../shared/domain/datasets'
import type { ApiClient } from '../../api'
import { refreshDatasetList } from '../../queries/datasets'
import { rpcQueryOptions } from '../../api/query'
import type { AppStore } from '../app/app-store'
import type { DatasetDiffRange, DatasetLocation } from '../app/location'
import type { CaseEditStore } from './case-edit-store'
import type { CaseTableStore } from './case-table-store'
import type { DetailState, DetailStore } from './detail-store'
import type { DuplicatesStore } from './duplicates-store'
import type { SnapshotDiffState, SnapshotDiffStore, SnapshotPair } from './snapshot-diff-store'

/** Moves between the dataset list, one dataset's cases and a snapshot diff; components call these. */
export interface DatasetNavigation {
  /** Applies the dataset part of an address (`#/datasets/<id>/diff/2..working`). */
  apply: (location: DatasetLocation | undefined) => Promise<void>
  openList: () => void
  openDataset: (datasetId: string) => Promise<void>
  /** Shows a dataset the core just returned (created, imported, made from a selection). */
  showDataset: (detail: DatasetDetail) => void
  openDiff: (datasetId: string, pair: SnapshotPair) => Promise<void>
  closeDiff: () => void
}

export interface DatasetNavStores {
  client: ApiClient
  queries: QueryClient
  app: AppStore
  datasetDetail: DetailStore
  caseTable: CaseTableStore
  caseEdit: CaseEditStore
  snapshotDiff: SnapshotDiffStore
  duplicates: DuplicatesStore
}

/** A snapshot id from an address token: a snapshot number ("3"), an id, or `working` (only as `to`). */
export function resolveSnapshot(detail: DatasetDetail, token: string, allowWorking: boolean): string | null {
  if (token === 'working') return allowWorking ? 'working' : null
  const byNumber = /^\d+$/.test(token) ? detail.snapshots.find((s) => s.number === Number(token)) : undefined
  return (byNumber ?? detail.snapshots.find((s) => s.id === token))?.id ?? null
}

/** Snapshot numbers read better in an address than ids; an unknown id stays as it is. */
function tokenOf(detail: DatasetDetail | null, id: string): string {
  if (id === 'working') return id
  const number = detail?.snapshots.find((s) => s.id === id)?.number
  return number === undefined ? id : String(number)
}

/** `shown`: the open dataset's detail, when loaded (snapshot numbers for the address). */
export function datasetLocationOf(
  detail: DetailState,
  diff: SnapshotDiffState,
  shown: DatasetDetail | null,
): DatasetLocation | undefined {
  const datasetId = detail.selectedId
  if (!datasetId) return undefined
  if (detail.view !== 'diff' || !diff.pair || diff.datasetId !== datasetId) return { datasetId }
  const range: DatasetDiffRange = {
    from: tokenOf(shown, diff.pair.from),
    to: tokenOf(shown, diff.pair.to),
  }
  return { datasetId, diff: range }
}

export function createDatasetNavigation(stores: DatasetNavStores): DatasetNavigation {
  const detail = () => stores.datasetDetail.getState()

  function reset(): void {
    stores.caseEdit.getState().actions.cancelCell()
    stores.caseEdit.getState().actions.closePanel()
    stores.snapshotDiff.getState().actions.clear()
    stores.duplicates.getState().actions.clear()
  }

  const nav: DatasetNavigation = {
    async apply(location) {
      stores.app.getState().actions.navigate('datasets')
      await stores.queries.prefetchQuery(rpcQueryOptions(stores.client, 'datasets.list', {}))
      if (!location) return nav.openList()
      await nav.openDataset(location.datasetId)
      // Joins a refetch in flight (a write meanwhile) rather than reading a cache it is about to replace.
      const shown = await stores.queries
        .fetchQuery(rpcQueryOptions(stores.client, 'datasets.get', { id: location.datasetId }))
        .catch(() => undefined)
      if (!location.diff || !shown || shown.dataset.id !== location.datasetId) return
      const from = resolveSnapshot(shown, location.diff.from, false)
      const to = resolveSnapshot(shown, location.diff.to, true)
      if (from && to) await nav.openDiff(location.datasetId, { from, to })
    },
    openList() {
      stores.app.getState().actions.navigate('datasets')
      if (detail().selectedId) reset()
      detail().actions.close()
      stores.caseTable.getState().actions.close()
    },
    async openDataset(datasetId) {
      stores.app.getState().actions.navigate('datasets')
      if (detail().selectedId !== datasetId) {
        reset()
        stores.caseTable.getState().actions.openDataset(datasetId)
      } else if (detail().view === 'diff') {
        detail().actions.setView('cases')
      }
      await detail().actions.open(datasetId)
    },
    showDataset(shown) {
      stores.app.getState().actions.navigate('datasets')
      reset()
      detail().actions.adopt(shown)
      stores.caseTable.getState().actions.openDataset(shown.dataset.id)
      refreshDatasetList(stores.queries)
    },
    async openDiff(datasetId, pair) {
      if (detail().selectedId !== datasetId) await nav.openDataset(datasetId)
      stores.caseEdit.getState().actions.cancelCell()
      detail().actions.setView('diff')
      stores.snapshotDiff.getState().actions.open(datasetId, pair)
      const input = { datasetId, ...pair }
      await stores.queries.prefetchQuery(rpcQueryOptions(stores.client, 'datasets.diffSnapshots', input))
    },
    closeDiff() {
      detail().actions.setView('cases')
    },
  }
  return nav
}
