import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DriftReport } from '../../../../shared/domain/production'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'

export interface AddResult {
  added: number
  skipped: number
  datasetName: string
}

export interface DriftActions {
  /** The drift of an import against the prompt's curated dataset; a new import resets the selection. */
  load: (importId: string | null) => Promise<void>
  toggle: (caseId: string) => void
  setAll: (on: boolean) => void
  setTarget: (datasetId: string) => void
  /** Copies the chosen unrepresented cases into the target dataset's working copy. */
  addSelected: (datasetName: string) => Promise<void>
}

export interface DriftState {
  importId: string | null
  report: DriftReport | null
  load: LoadState
  /** Unrepresented case ids chosen for adding: all of them by default. */
  selected: string[]
  /** The dataset the cases go to: the compared one by default. */
  targetId: string | null
  add: SubmitState
  added: AddResult | null
  actions: DriftActions
}

export type DriftStore = StoreApi<DriftState>

export function createDriftStore(client: ApiClient): DriftStore {
  const seq = createSequence()
  return createStore<DriftState>()((set, get) => {
    const actions: DriftActions = {
      async load(importId) {
        if (importId === get().importId && get().load.status !== 'error') return
        const n = seq.next()
        set({ importId, report: null, selected: [], targetId: null, add: submitIdle, added: null })
        if (!importId) return set({ load: idle })
        set({ load: loading })
        await settleLatest(seq, n, client.call('production.drift', { importId }), {
          value: (report) =>
            set({
              report,
              load: ready,
              selected: report.unrepresented.map((c) => c.caseId),
              targetId: report.dataset.id,
            }),
          error: (error) => set({ load: failed(error) }),
        })
      },
      toggle(caseId) {
        const selected = get().selected
        set({
          selected: selected.includes(caseId)
            ? selected.filter((id) => id !== caseId)
            : [...selected, caseId],
        })
      },
      setAll(on) {
        set({ selected: on ? (get().report?.unrepresented.map((c) => c.caseId) ?? []) : [] })
      },
      setTarget: (targetId) => set({ targetId }),
      async addSelected(datasetName) {
        const { importId, selected, targetId } = get()
        if (!importId || !targetId || selected.length === 0) return
        set({ add: submitBusy, added: null })
        try {
          const input = { importId, caseIds: selected, datasetId: targetId }
          const result = await client.call('production.addToDataset', input)
          set({ add: submitDone, added: { ...result, datasetName } })
        } catch (error) {
          set({ add: submitFailed(toErrorInfo(error)) })
        }
      },
    }
    return {
      importId: null,
      report: null,
      load: idle,
      selected: [],
      targetId: null,
      add: submitIdle,
      added: null,
      actions,
    }
  })
}
