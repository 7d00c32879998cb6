import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodOutput } from '../../../../shared/contract'
import type { DatasetDetail, DatasetSnapshot } from '../../../../shared/domain/datasets'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'

/** Tables whose change makes the open dataset's header, tag counts or snapshot list stale. */
export const detailTables = ['datasets', 'dataset_cases', 'dataset_snapshots'] as const

export type DatasetPanel = 'coverage' | 'duplicates' | 'snapshots'
export type DatasetDialog = 'delete' | 'tag' | 'snapshot' | 'newFromSelection' | 'deleteDataset'
export type DatasetView = 'cases' | 'diff'
export type ExportedDataset = MethodOutput<'datasets.export'>
/** What an export reads: the working copy or one snapshot (by id). */
export type ExportSource = string

export interface DetailActions {
  /** Opens a dataset on its cases; a reply for a dataset no longer open is dropped. */
  open: (id: string) => Promise<void>
  close: () => void
  refresh: () => Promise<void>
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
}

export interface DetailState {
  selectedId: string | null
  detail: DatasetDetail | null
  detailLoad: LoadState
  view: DatasetView
  panel: DatasetPanel
  dialog: DatasetDialog | null
  detailsSave: SubmitState
  snapshotSave: SubmitState
  exporting: SubmitState
  exportSource: ExportSource
  actions: DetailActions
}

export type DetailStore = StoreApi<DetailState>

export function createDetailStore(client: ApiClient): DetailStore {
  const seq = createSequence()
  return createStore<DetailState>()((set, get) => {
    async function load(id: string): Promise<void> {
      const n = seq.next()
      set({ detailLoad: loading })
      try {
        const detail = await client.call('datasets.get', { id })
        if (get().selectedId !== id) return
        if (seq.isLatest(n)) set({ detail, detailLoad: ready })
        // A refresh asked again meanwhile: its reply replaces this one, but the dataset the user opened
        // is shown now rather than after a second round trip (and whoever awaited `open` finds it shown).
        else if (get().detail?.dataset.id !== id) set({ detail })
      } catch (error) {
        if (seq.isLatest(n)) set({ detailLoad: failed(toErrorInfo(error)) })
      }
    }

    const actions: DetailActions = {
      async open(id) {
        if (get().selectedId !== id) {
          set({
            selectedId: id,
            detail: null,
            dialog: null,
            exportSource: 'working',
            detailsSave: submitIdle,
            snapshotSave: submitIdle,
            exporting: submitIdle,
          })
        }
        set({ view: 'cases' })
        await load(id)
      },
      close() {
        seq.next()
        set({ selectedId: null, detail: null, detailLoad: idle, view: 'cases', dialog: null })
      },
      async refresh() {
        const id = get().selectedId
        if (id) await load(id)
      },
      adopt(detail) {
        seq.next()
        set({ selectedId: detail.dataset.id, detail, detailLoad: ready, view: 'cases', dialog: null })
      },
      async updateDetails(patch) {
        const id = get().selectedId
        if (!id || get().detailsSave.status === 'busy') return false
        set({ detailsSave: submitBusy })
        try {
          const detail = await client.call('datasets.update', { id, ...patch })
          if (get().selectedId === id) set({ detail, detailsSave: submitDone })
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
          seq.next()
          set({ selectedId: null, detail: null, detailLoad: idle, dialog: null, detailsSave: submitDone })
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
          await load(id)
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
    }
    return {
      selectedId: null,
      detail: null,
      detailLoad: idle,
      view: 'cases',
      panel: 'coverage',
      dialog: null,
      detailsSave: submitIdle,
      snapshotSave: submitIdle,
      exporting: submitIdle,
      exportSource: 'working',
      actions,
    }
  })
}
