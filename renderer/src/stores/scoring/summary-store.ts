import { createStore, type StoreApi } from 'zustand/vanilla'
import { readsOf } from '../../../../shared/contract'
import type { Baseline, GateResult, RunSummary, SliceKey } from '../../../../shared/domain/scoring'
import { toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
  failed,
  idle,
  loading,
  ready,
  settleLatest,
  submitBusy,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import { latestGatesOf, sliceId, sliceKeyOf } from './slices'

/**
 * What the summary tab shows is read from these (results, scores, the run, suites, baselines, gates): the
 * contract lists them, so a table the summary starts reading is watched without anyone copying it here.
 */
export const summaryTables = readsOf('runs.summary', 'baselines.list', 'gates.list')

export type RunTab = 'results' | 'summary'

/** A slice's gate: the last evaluation (from this session or gates.list) and the state of a new one. */
export interface GateEntry {
  result: GateResult | null
  submit: SubmitState
}

export interface SummaryActions {
  /** Shows a run's summary (runs.summary); another run drops what was shown for the last one. */
  open: (runId: string) => Promise<void>
  setTab: (tab: RunTab) => void
  refresh: () => Promise<void>
  /** runs.score: scores the stored outputs (never calls the evaluated model); true when done. */
  score: () => Promise<boolean>
  /** Loads a prompt's baselines and gate history once (each slice names its prompt). */
  ensureEvidence: (promptId: string) => Promise<void>
  setBaseline: (promptId: string, slice: SliceKey) => Promise<boolean>
  evaluateGate: (slice: SliceKey) => Promise<GateResult | null>
}

export interface SummaryState {
  runId: string | null
  /** The run detail's tab: results or summary. */
  tab: RunTab
  summary: RunSummary | null
  load: LoadState
  scoring: SubmitState
  /** Per prompt id. */
  baselines: Readonly<Record<string, Baseline[]>>
  /** Per slice id of the shown run. */
  gates: Readonly<Record<string, GateEntry>>
  /** Per slice id of the shown run. */
  baselineSubmits: Readonly<Record<string, SubmitState>>
  actions: SummaryActions
}

export type SummaryStore = StoreApi<SummaryState>

const forRun = {
  summary: null,
  load: idle,
  scoring: submitIdle,
  gates: {},
  baselineSubmits: {},
}

export function createSummaryStore(client: ApiClient): SummaryStore {
  const summarySeq = createSequence()
  const evidencePrompts = new Set<string>()

  return createStore<SummaryState>()((set, get) => {
    async function loadSummary(runId: string): Promise<void> {
      const n = summarySeq.next()
      if (get().load.status !== 'ready') set({ load: loading })
      await settleLatest(summarySeq, n, client.call('runs.summary', { runId }), {
        value: (summary) => {
          if (get().runId === runId) set({ summary, load: ready })
        },
        error: (error) => set({ load: failed(error) }),
      })
    }

    async function loadEvidence(promptId: string): Promise<void> {
      const runId = get().runId
      try {
        const [baselines, history] = await Promise.all([
          client.call('baselines.list', { promptId }),
          client.call('gates.list', { promptId }),
        ])
        set((s) => ({ baselines: { ...s.baselines, [promptId]: baselines } }))
        if (runId === null || get().runId !== runId) return
        const gates = { ...get().gates }
        for (const [id, result] of latestGatesOf(history, runId)) {
          const entry = gates[id]
          if (!entry || (entry.submit.status !== 'busy' && entry.result?.id !== result.id))
            gates[id] = { result, submit: entry?.submit ?? submitIdle }
        }
        set({ gates })
      } catch {
        // Evidence is extra: the summary still shows; the next db.changed or visit tries again.
        evidencePrompts.delete(promptId)
      }
    }

    const markGate = (id: string, entry: Partial<GateEntry>) =>
      set((s) => ({
        gates: { ...s.gates, [id]: { result: null, submit: submitIdle, ...s.gates[id], ...entry } },
      }))

    const actions: SummaryActions = {
      async open(runId) {
        if (get().runId !== runId) {
          summarySeq.next()
          set({ runId, ...forRun })
        }
        await loadSummary(runId)
      },
      setTab: (tab) => set({ tab }),
      async refresh() {
        const runId = get().runId
        if (!runId || get().load.status === 'idle') return
        await Promise.all([loadSummary(runId), ...[...evidencePrompts].map(loadEvidence)])
      },
      async score() {
        const runId = get().runId
        if (!runId || get().scoring.status === 'busy') return false
        set({ scoring: submitBusy })
        try {
          const summary = await client.call('runs.score', { runId })
          summarySeq.next()
          if (get().runId === runId) set({ summary, load: ready, scoring: submitIdle })
          return true
        } catch (error) {
          if (get().runId === runId) set({ scoring: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
      async ensureEvidence(promptId) {
        if (evidencePrompts.has(promptId)) return
        evidencePrompts.add(promptId)
        await loadEvidence(promptId)
      },
      async setBaseline(promptId, slice) {
        const runId = get().runId
        if (!runId) return false
        const id = sliceId(slice)
        const mark = (state: SubmitState) =>
          set((s) => ({ baselineSubmits: { ...s.baselineSubmits, [id]: state } }))
        mark(submitBusy)
        try {
          const baseline = await client.call('baselines.set', { promptId, runId, slice: sliceKeyOf(slice) })
          set((s) => ({
            baselines: {
              ...s.baselines,
              [promptId]: [
                ...(s.baselines[promptId] ?? []).filter(
                  (b) => b.datasetSnapshotId !== baseline.datasetSnapshotId,
                ),
                baseline,
              ],
            },
          }))
          mark(submitIdle)
          return true
        } catch (error) {
          mark(submitFailed(toErrorInfo(error)))
          return false
        }
      },
      async evaluateGate(slice) {
        const runId = get().runId
        const id = sliceId(slice)
        if (!runId || get().gates[id]?.submit.status === 'busy') return null
        markGate(id, { submit: submitBusy })
        try {
          const result = await client.call('gates.evaluate', { runId, slice: sliceKeyOf(slice) })
          if (get().runId === runId) markGate(id, { result, submit: submitIdle })
          return result
        } catch (error) {
          if (get().runId === runId) markGate(id, { submit: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
    }

    return { runId: null, tab: 'results', ...forRun, baselines: {}, actions }
  })
}
