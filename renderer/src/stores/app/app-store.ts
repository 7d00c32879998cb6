import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type { AppStatus } from '../../../../shared/domain/workspace'
import { toErrorInfo, type ApiClient } from '../../api'
import type { RouteId } from './routes'

/** booting → ready | failed (workspace could not open) | unreachable (no core, or it refused us). */
export type BootPhase = 'booting' | 'ready' | 'failed' | 'unreachable'

export interface AppActions {
  /** Fetches app.status; returns it, or null when the core could not be reached. */
  loadStatus: () => Promise<AppStatus | null>
  /** Called once the first screen's data has loaded. */
  markReady: () => void
  navigate: (route: RouteId) => void
}

export interface AppState {
  phase: BootPhase
  status: AppStatus | null
  connectionError: ErrorInfo | null
  route: RouteId
  actions: AppActions
}

export type AppStore = StoreApi<AppState>

export function createAppStore(client: ApiClient, initialRoute: RouteId = 'prompts'): AppStore {
  return createStore<AppState>()((set) => ({
    phase: 'booting',
    status: null,
    connectionError: null,
    route: initialRoute,
    actions: {
      async loadStatus() {
        set({ phase: 'booting', connectionError: null })
        try {
          const status = await client.call('app.status', {})
          set({ status, phase: status.state === 'failed' ? 'failed' : 'booting' })
          return status
        } catch (error) {
          set({ phase: 'unreachable', connectionError: toErrorInfo(error) })
          return null
        }
      },
      markReady: () =>
        set((s) => (s.phase === 'booting' && s.status?.state === 'ready' ? { phase: 'ready' } : s)),
      navigate: (route) => set({ route }),
    },
  }))
}
