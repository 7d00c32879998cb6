import type { QueryClient } from '@tanstack/react-query'
import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodOutput } from '../../../../shared/contract'
import type { DatasetDetail, DatasetSnapshot } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import { rpcQueryKey, rpcQueryOptions } from '../../api/query'
import { submitBusy, submitDone, submitFailed, submitIdle, type SubmitState } from '../load-state'

const detailKey = (id: string) => rpcQueryKey('datasets.get', { id })

/** The open dataset as the query cache holds it (`datasets.get`, refreshed by db.changed). */
export const cachedDetail = (queries: QueryClient, id: string | null): DatasetDetail | undefined =>
  id ? queries.getQueryData<DatasetDetail>(detailKey(id)) : undefined

export type DatasetPanel = 'coverage' | 'duplicates' | 'snapshots'
export type DatasetDialog = 'delete' | 'tag' | 'snapshot' | 'newFromSelection' | 'deleteDataset' | 'generate'
/** `drafts`: generated cases waiting for review (issue 22). */
export type DatasetView = 'cases' | 'diff' | 'drafts'
export type ExportedDataset = MethodOutput<'datasets.export'>
/** What an export reads: the working copy or one snapshot (by id). */
export type ExportSource = string

export interface DetailActions {
  /** Opens a dataset on its cases (resolves once its detail is in the cache, or failed to load). */
  open: (id: string) => Promise<void>
  close: () => void
  /** Shows a dataset the core just returned (created, imported, made from a selection). */
  adopt: (detail: DatasetDetail) => void
  updateDetails: (patch: { name?: string; description?: string }) => Promise<boolean>
  /** Deletes the open dataset with its snapshots; true when it is gone. */
  deleteDataset: () => Promise<boolean>
  createSnapshot: (message: string) => Promise<DatasetSnapshot | null>
  exportFile: (format: 'csv' | 'jsonl') => Promise<ExportedDataset | null>
  setExportSource: (source: ExportSource) => void
  setPanel: (panel: DatasetPanel) => void
  setView: (view: DatasetView) => void
  openDialog: (dialog: DatasetDialog) => void
  closeDialog: () => void
  /** Opens "Generate cases" for a segment: the cases carrying every one of `tags` (none: all cases). */
  openGenerate: (tags: readonly string[]) => void
  /** Shows the drafts a generation just wrote, saying how many of those asked for the model wrote. */
  showGenerated: (result: { asked: number; received: number }) => void
}

/** Which dataset is open and how it is shown; the detail itself is the `datasets.get` query. */
export interface DetailState {
  selectedId: string | null
  view: DatasetView
  panel: DatasetPanel
  dialog: DatasetDialog | null
  detailsSave: SubmitState
  snapshotSave: SubmitState
  exporting: SubmitState
  exportSource: ExportSource
  /** The segment "Generate cases" was opened for. */
  generateTags: readonly string[]
  /** What the last generation wrote, for the drafts review to say (null: nothing generated here yet). */
  generated: { asked: number; received: number } | null
  actions: DetailActions
}

export type DetailStore = StoreApi<DetailState>

export function createDetailStore(client: ApiClient, queries: QueryClient): DetailStore {
  return createStore<DetailState>()((set, get) => {
    // A failure stays in the query; the screen shows it.
    const load = (id: string) =>
      queries.fetchQuery(rpcQueryOptions(client, 'datasets.get', { id })).then(
        () => undefined,
        () => undefined,
      )
    const show = (detail: DatasetDetail) => queries.setQueryData(detailKey(detail.dataset.id), detail)

    const actions: DetailActions = {
      async open(id) {
        if (get().selectedId !== id) {
          set({
            selectedId: id,
            dialog: null,
            exportSource: 'working',
            detailsSave: submitIdle,
            snapshotSave: submitIdle,
            exporting: submitIdle,
            generated: null,
          })
        }
        set({ view: 'cases' })
        await load(id)
      },
      close: () => set({ selectedId: null, view: 'cases', dialog: null }),
      adopt(detail) {
        show(detail)
        set({ selectedId: detail.dataset.id, view: 'cases', dialog: null })
      },
      async updateDetails(patch) {
        const id = get().selectedId
        if (!id || get().detailsSave.status === 'busy') return false
        set({ detailsSave: submitBusy })
        try {
          const detail = await client.call('datasets.update', { id, ...patch })
          show(detail)
          if (get().selectedId === id) set({ detailsSave: submitDone })
          return true
        } catch (error) {
          set({ detailsSave: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
      async deleteDataset() {
        const id = get().selectedId
        if (!id || get().detailsSave.status === 'busy') return false
        set({ detailsSave: submitBusy })
        try {
          await client.call('datasets.delete', { id })
          queries.removeQueries({ queryKey: detailKey(id) })
          set({ selectedId: null, dialog: null, detailsSave: submitDone })
          return true
        } catch (error) {
          set({ detailsSave: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
      async createSnapshot(message) {
        const id = get().selectedId
        if (!id || get().snapshotSave.status === 'busy') return null
        set({ snapshotSave: submitBusy })
        try {
          const snapshot = await client.call('datasets.snapshot', { datasetId: id, message })
          set({ snapshotSave: submitDone, dialog: null })
          await queries.invalidateQueries({ queryKey: detailKey(id) })
          return snapshot
        } catch (error) {
          set({ snapshotSave: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      async exportFile(format) {
        const { selectedId: id, exportSource } = get()
        if (!id) return null
        set({ exporting: submitBusy })
        try {
          const snapshotId = exportSource === 'working' ? undefined : exportSource
          const file = await client.call('datasets.export', {
            datasetId: id,
            format,
            ...(snapshotId ? { snapshotId } : {}),
          })
          set({ exporting: submitDone })
          return file
        } catch (error) {
          set({ exporting: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      setExportSource: (exportSource) => set({ exportSource }),
      setPanel: (panel) => set({ panel }),
      setView: (view) => set({ view }),
      openDialog: (dialog) => set({ dialog, snapshotSave: submitIdle }),
      closeDialog: () => set({ dialog: null }),
      openGenerate: (tags) => set({ dialog: 'generate', generateTags: [...tags] }),
      showGenerated: (generated) => set({ dialog: null, view: 'drafts', generated }),
    }
    return {
      selectedId: null,
      view: 'cases',
      panel: 'coverage',
      dialog: null,
      detailsSave: submitIdle,
      snapshotSave: submitIdle,
      exporting: submitIdle,
      exportSource: 'working',
      generateTags: [],
      generated: null,
      actions,
    }
  })
}
