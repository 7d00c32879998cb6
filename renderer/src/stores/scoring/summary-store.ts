import { createStore, type StoreApi } from 'zustand/vanilla'

/*
 * The run detail's UI state only. The summary, the baselines and the gates are server state: queries in
 * renderer/src/queries/summary.ts, refreshed when the core says the tables they read changed.
 */

export type RunTab = 'results' | 'summary'

export interface SummaryActions {
  setTab: (tab: RunTab) => void
}

export interface SummaryState {
  /** The run detail's tab: results or summary. */
  tab: RunTab
  actions: SummaryActions
}

export type SummaryStore = StoreApi<SummaryState>

export function createSummaryStore(): SummaryStore {
  return createStore<SummaryState>()((set) => ({
    tab: 'results',
    actions: { setTab: (tab) => set({ tab }) },
  }))
}
