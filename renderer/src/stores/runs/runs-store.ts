import { createStore, type StoreApi } from 'zustand/vanilla'

export interface RunsActions {
  select: (id: string | null) => void
  openNew: () => void
  closeNew: () => void
  /** Hides the offer to resume these interrupted runs (until another run is interrupted). */
  dismissOffer: (ids: readonly string[]) => void
}

/** The runs screen's UI state; the runs themselves are the `runs.list` query (queries/runs.ts). */
export interface RunsState {
  selectedId: string | null
  /** When the user last picked a run: a control refusal made before it is no longer shown. */
  selectedAt: number
  /** The right pane: the selected run, or the form that plans a new one. */
  mode: 'detail' | 'new'
  dismissedOffer: readonly string[]
  actions: RunsActions
}

export type RunsStore = StoreApi<RunsState>

export function createRunsStore(): RunsStore {
  return createStore<RunsState>()((set) => ({
    selectedId: null,
    selectedAt: 0,
    mode: 'detail',
    dismissedOffer: [],
    actions: {
      select: (id) => set({ selectedId: id, selectedAt: Date.now(), mode: 'detail' }),
      openNew: () => set({ mode: 'new' }),
      closeNew: () => set({ mode: 'detail' }),
      dismissOffer: (ids) => set((s) => ({ dismissedOffer: [...new Set([...s.dismissedOffer, ...ids])] })),
    },
  }))
}
