import { createStore, type StoreApi } from 'zustand/vanilla'
import type { CompareCase, CompareData, PromptTrend } from '../../../../shared/domain/compare'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, settleLatest, type LoadState } from '../load-state'
import { maxCompareSlices, pickableSlices, toCompareSlice, type PickableSlice } from './compare-slices'

export type CasesFilter = 'all' | 'regressions' | 'improvements' | 'changed'

export interface CompareActions {
  /** Adds a run's slices (runs.summary) and selects them, up to the limit. */
  addRun: (runId: string, runName: string) => Promise<void>
  removeRun: (runId: string) => Promise<void>
  toggleSlice: (sliceId: string) => Promise<void>
  setBaseline: (sliceId: string) => Promise<void>
  setCandidate: (sliceId: string) => Promise<void>
  setFilter: (filter: CasesFilter) => Promise<void>
  openCase: (caseId: string | null) => void
}

export interface CompareState {
  runIds: string[]
  slices: PickableSlice[]
  selected: string[]
  data: CompareData | null
  dataLoad: LoadState
  trend: PromptTrend | null
  baselineId: string | null
  candidateId: string | null
  filter: CasesFilter
  cases: CompareCase[]
  casesTotal: number
  casesLoad: LoadState
  openCaseId: string | null
  actions: CompareActions
}

export type CompareStore = StoreApi<CompareState>

/** Cases shown per request; the list says how many more match. */
export const casesPageSize = 200

export function createCompareStore(client: ApiClient): CompareStore {
  const dataSeq = createSequence()
  const casesSeq = createSequence()
  const trendSeq = createSequence()

  return createStore<CompareState>()((set, get) => {
    const chosen = () => get().slices.filter((s) => get().selected.includes(s.id))

    async function loadTrend(promptId: string | undefined): Promise<void> {
      const n = trendSeq.next()
      if (!promptId) return set({ trend: null })
      await settleLatest(trendSeq, n, client.call('compare.promptTrend', { promptId }), {
        value: (trend) => set({ trend }),
        error: () => set({ trend: null }),
      })
    }

    async function loadCases(): Promise<void> {
      const { baselineId, candidateId, filter, slices } = get()
      const baseline = slices.find((s) => s.id === baselineId)
      const candidate = slices.find((s) => s.id === candidateId)
      const n = casesSeq.next()
      if (!baseline || !candidate || baseline.id === candidate.id)
        return set({ cases: [], casesTotal: 0, casesLoad: idle, openCaseId: null })
      set({ casesLoad: loading })
      const input = {
        baseline: toCompareSlice(baseline),
        candidate: toCompareSlice(candidate),
        filter,
        limit: casesPageSize,
      }
      await settleLatest(casesSeq, n, client.call('compare.cases', input), {
        value: (page) => set({ cases: page.cases, casesTotal: page.total, casesLoad: ready }),
        error: (error) => set({ casesLoad: failed(error) }),
      })
    }

    /** Keeps baseline and candidate among the selected slices: first and second by default. */
    function pickPair(): void {
      const ids = get().selected
      const keep = (id: string | null, fallback: string | undefined) =>
        id && ids.includes(id) ? id : (fallback ?? null)
      const baselineId = keep(get().baselineId, ids[0])
      const candidateId = keep(
        get().candidateId,
        ids.find((id) => id !== baselineId),
      )
      set({ baselineId, candidateId })
    }

    async function loadData(): Promise<void> {
      pickPair()
      const slices = chosen().map(toCompareSlice)
      const n = dataSeq.next()
      if (slices.length === 0) {
        set({ data: null, dataLoad: idle, trend: null })
        return loadCases()
      }
      set({ dataLoad: loading })
      const casesDone = loadCases()
      await settleLatest(dataSeq, n, client.call('compare.data', { slices }), {
        value: (data) => {
          set({ data, dataLoad: ready })
          void loadTrend(data.series[data.series.length - 1]?.promptId)
        },
        error: (error) => set({ dataLoad: failed(error) }),
      })
      await casesDone
    }

    const actions: CompareActions = {
      async addRun(runId, runName) {
        if (get().runIds.includes(runId)) return
        try {
          const summary = await client.call('runs.summary', { runId })
          const added = pickableSlices(runId, runName, summary.slices)
          const room = maxCompareSlices - get().selected.length
          set((s) => ({
            runIds: [...s.runIds, runId],
            slices: [...s.slices, ...added],
            selected: [...s.selected, ...added.slice(0, Math.max(0, room)).map((a) => a.id)],
          }))
        } catch (error) {
          set({ dataLoad: failed(toErrorInfo(error)) })
          return
        }
        await loadData()
      },
      async removeRun(runId) {
        set((s) => {
          const slices = s.slices.filter((x) => x.runId !== runId)
          return {
            runIds: s.runIds.filter((id) => id !== runId),
            slices,
            selected: s.selected.filter((id) => slices.some((x) => x.id === id)),
          }
        })
        await loadData()
      },
      async toggleSlice(sliceId) {
        const { selected } = get()
        if (selected.includes(sliceId)) set({ selected: selected.filter((id) => id !== sliceId) })
        else if (selected.length < maxCompareSlices) set({ selected: [...selected, sliceId] })
        else return
        await loadData()
      },
      async setBaseline(sliceId) {
        set({ baselineId: sliceId, openCaseId: null })
        await loadCases()
      },
      async setCandidate(sliceId) {
        set({ candidateId: sliceId, openCaseId: null })
        await loadCases()
      },
      async setFilter(filter) {
        set({ filter, openCaseId: null })
        await loadCases()
      },
      openCase: (caseId) => set({ openCaseId: caseId }),
    }

    return {
      runIds: [],
      slices: [],
      selected: [],
      data: null,
      dataLoad: idle,
      trend: null,
      baselineId: null,
      candidateId: null,
      filter: 'all',
      cases: [],
      casesTotal: 0,
      casesLoad: idle,
      openCaseId: null,
      actions,
    }
  })
}
