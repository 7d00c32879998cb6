import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import { toErrorInfo } from '../../api'
import { maxCompareSlices, type PickableSlice } from './compare-slices'

/*
 * The compare screen's UI state only: which runs were added, which of their slices are picked, the pair
 * and the filter of the case list. The slices, series, trend and cases are queries
 * (renderer/src/queries/compare.ts), refreshed when the core says the tables they read changed.
 */

export type CasesFilter = 'all' | 'regressions' | 'improvements' | 'changed'

export interface AddedRun {
  id: string
  name: string
}

export interface CompareActions {
  /** Adds a run and picks its slices, up to the limit; `slicesOf` asks (or reuses) its runs.summary. */
  addRun: (run: AddedRun, slicesOf: (runId: string) => Promise<readonly PickableSlice[]>) => Promise<void>
  removeRun: (runId: string) => void
  /** Picks or unpicks a slice (from those the added runs offer). */
  toggleSlice: (sliceId: string) => void
  setBaseline: (sliceId: string) => void
  setCandidate: (sliceId: string) => void
  setFilter: (filter: CasesFilter) => void
  openCase: (caseId: string | null) => void
}

export interface CompareState {
  runs: AddedRun[]
  /** Picked slice ids, in the order they were picked. */
  selected: string[]
  /** The user's baseline and candidate picks; `pairOf` falls back to the first picked slices. */
  baselineId: string | null
  candidateId: string | null
  filter: CasesFilter
  openCaseId: string | null
  /** Why the last run could not be added (its summary was refused), until another is added. */
  addError: ErrorInfo | null
  actions: CompareActions
}

export type CompareStore = StoreApi<CompareState>

/** Cases shown per request; the list says how many more match. */
export const casesPageSize = 200

/** Baseline and candidate among the picked slices: the user's picks, else the first and second picked. */
export function pairOf(s: Pick<CompareState, 'selected' | 'baselineId' | 'candidateId'>): {
  baselineId: string | null
  candidateId: string | null
} {
  const keep = (id: string | null, fallback: string | undefined) =>
    id && s.selected.includes(id) ? id : (fallback ?? null)
  const baselineId = keep(s.baselineId, s.selected[0])
  const candidateId = keep(
    s.candidateId,
    s.selected.find((id) => id !== baselineId),
  )
  return { baselineId, candidateId: candidateId === baselineId ? null : candidateId }
}

export function createCompareStore(): CompareStore {
  return createStore<CompareState>()((set, get) => ({
    runs: [],
    selected: [],
    baselineId: null,
    candidateId: null,
    filter: 'all',
    openCaseId: null,
    addError: null,
    actions: {
      async addRun(run, slicesOf) {
        if (get().runs.some((r) => r.id === run.id)) return
        set((s) => ({ runs: [...s.runs, run], addError: null }))
        let added: readonly PickableSlice[]
        try {
          added = await slicesOf(run.id)
        } catch (error) {
          set((s) => ({ runs: s.runs.filter((r) => r.id !== run.id), addError: toErrorInfo(error) }))
          return
        }
        if (!get().runs.some((r) => r.id === run.id)) return
        const room = Math.max(0, maxCompareSlices - get().selected.length)
        set((s) => ({ selected: [...s.selected, ...added.slice(0, room).map((a) => a.id)] }))
      },
      removeRun: (runId) =>
        set((s) => ({
          runs: s.runs.filter((r) => r.id !== runId),
          selected: s.selected.filter((id) => !id.startsWith(`${runId}|`)),
        })),
      toggleSlice(sliceId) {
        const { selected } = get()
        if (selected.includes(sliceId)) set({ selected: selected.filter((id) => id !== sliceId) })
        else if (selected.length < maxCompareSlices) set({ selected: [...selected, sliceId] })
      },
      setBaseline: (sliceId) => set({ baselineId: sliceId, openCaseId: null }),
      setCandidate: (sliceId) => set({ candidateId: sliceId, openCaseId: null }),
      setFilter: (filter) => set({ filter, openCaseId: null }),
      openCase: (caseId) => set({ openCaseId: caseId }),
    },
  }))
}
