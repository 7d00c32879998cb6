import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ProductionMonitor, ProductionSettings } from '../../../../shared/domain/production'
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

/** Tables whose change makes a prompt's monitoring (imports, scores, settings, alerts) stale. */
export const monitorTables = [
  'production_imports',
  'production_settings',
  'run_scores',
  'eval_suites',
] as const

export interface MonitorActions {
  /** Shows one prompt's monitoring (null: none chosen). */
  select: (promptId: string | null) => Promise<void>
  refresh: () => Promise<void>
  /** Stores sample rate, seed and thresholds; returns the saved settings or null when refused. */
  saveSettings: (settings: ProductionSettings) => Promise<ProductionSettings | null>
}

export interface MonitorState {
  promptId: string | null
  monitor: ProductionMonitor | null
  load: LoadState
  save: SubmitState
  actions: MonitorActions
}

export type MonitorStore = StoreApi<MonitorState>

export function createMonitorStore(client: ApiClient): MonitorStore {
  const seq = createSequence()
  return createStore<MonitorState>()((set, get) => {
    async function fetchMonitor(promptId: string): Promise<void> {
      const n = seq.next()
      if (get().monitor?.promptId !== promptId) set({ load: loading })
      await settleLatest(seq, n, client.call('production.monitor', { promptId }), {
        value: (monitor) => set({ monitor, load: ready }),
        error: (error) => set({ load: failed(error) }),
      })
    }

    const actions: MonitorActions = {
      async select(promptId) {
        if (promptId === get().promptId) return
        seq.next()
        set({ promptId, monitor: null, load: idle, save: submitIdle })
        if (promptId) await fetchMonitor(promptId)
      },
      async refresh() {
        const promptId = get().promptId
        if (promptId) await fetchMonitor(promptId)
      },
      async saveSettings(settings) {
        set({ save: submitBusy })
        try {
          const saved = await client.call('production.saveSettings', settings)
          set({ save: submitDone })
          await actions.refresh()
          return saved
        } catch (error) {
          set({ save: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
    }
    return { promptId: null, monitor: null, load: idle, save: submitIdle, actions }
  })
}
