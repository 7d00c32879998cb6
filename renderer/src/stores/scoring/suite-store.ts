import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodOutput } from '../../../../shared/contract'
import type { EvalSuite, EvalSuiteDraft, GateRule, Scorer } from '../../../../shared/domain/scoring'
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

/** Tables whose change makes the shown suite stale. */
export const suiteTables = ['eval_suites'] as const

export type SuiteFile = MethodOutput<'suites.export'>

export interface SuiteActions {
  /** Shows a prompt's latest suite; the same prompt again keeps an unsaved draft. */
  open: (promptId: string) => Promise<void>
  /** Refetches the stored suite; an unsaved draft is never replaced. */
  refresh: () => Promise<void>
  /** Adds a scorer, or replaces the one that produced `replacing` (its metric before the edit). */
  putScorer: (scorer: Scorer, replacing: string | null) => void
  removeScorer: (metric: string) => void
  /** Adds a gate rule, or replaces the one at `index`. */
  putGate: (rule: GateRule, index: number | null) => void
  removeGate: (index: number) => void
  setMessage: (message: string) => void
  discard: () => void
  /** suites.save: the draft becomes the next version; true when saved. */
  save: () => Promise<boolean>
  exportFile: () => Promise<SuiteFile | null>
  /** suites.import: the file becomes the next version (and replaces the draft); true when imported. */
  importFile: (content: string) => Promise<boolean>
}

export interface SuiteState {
  promptId: string | null
  /** The latest stored suite (version 0: the default the core derives, not stored yet). */
  suite: EvalSuite | null
  load: LoadState
  /** What the editor shows: the stored suite until the first change. */
  draft: EvalSuiteDraft
  message: string
  save: SubmitState
  /** Export or import, whichever ran last. */
  transfer: SubmitState
  actions: SuiteActions
}

export type SuiteStore = StoreApi<SuiteState>

const emptyDraft: EvalSuiteDraft = { scorers: [], gates: [] }
const draftOf = (suite: EvalSuite): EvalSuiteDraft => ({ scorers: suite.scorers, gates: suite.gates })

/** True when the draft differs from the stored suite (the order of scorers and rules counts). */
export function suiteDiffers(s: Pick<SuiteState, 'suite' | 'draft'>): boolean {
  if (!s.suite) return false
  return JSON.stringify(s.draft) !== JSON.stringify(draftOf(s.suite))
}

export function createSuiteStore(client: ApiClient): SuiteStore {
  const seq = createSequence()
  return createStore<SuiteState>()((set, get) => {
    async function load(promptId: string): Promise<void> {
      const n = seq.next()
      await settleLatest(seq, n, client.call('suites.get', { promptId }), {
        value: (suite) => {
          if (get().promptId !== promptId) return
          const keep = suiteDiffers(get())
          set({ suite, load: ready, ...(keep ? {} : { draft: draftOf(suite) }) })
        },
        error: (error) => set({ load: failed(error) }),
      })
    }

    /** The core answered with a new version: it is both what is stored and what the editor shows. */
    const adopt = (suite: EvalSuite) => set({ suite, draft: draftOf(suite), message: '' })
    const edit = (draft: EvalSuiteDraft) => set({ draft, save: submitIdle })

    const actions: SuiteActions = {
      async open(promptId) {
        if (get().promptId === promptId && get().load.status !== 'error') return actions.refresh()
        set({
          promptId,
          suite: null,
          draft: emptyDraft,
          load: loading,
          message: '',
          save: submitIdle,
          transfer: submitIdle,
        })
        await load(promptId)
      },
      async refresh() {
        const id = get().promptId
        if (id) await load(id)
      },
      putScorer(scorer, replacing) {
        const { scorers, gates } = get().draft
        const at = replacing === null ? -1 : scorers.findIndex((s) => s.metric === replacing)
        const next = at < 0 ? [...scorers, scorer] : scorers.map((s, i) => (i === at ? scorer : s))
        // A renamed metric takes its gate rules along: they would otherwise name a metric nobody produces.
        const renamed =
          replacing !== null && replacing !== scorer.metric
            ? gates.map((g) =>
                'metric' in g && g.metric === replacing ? { ...g, metric: scorer.metric } : g,
              )
            : gates
        edit({ scorers: next, gates: renamed })
      },
      removeScorer(metric) {
        const { scorers, gates } = get().draft
        edit({ scorers: scorers.filter((s) => s.metric !== metric), gates })
      },
      putGate(rule, index) {
        const { scorers, gates } = get().draft
        const next = index === null ? [...gates, rule] : gates.map((g, i) => (i === index ? rule : g))
        edit({ scorers, gates: next })
      },
      removeGate(index) {
        const { scorers, gates } = get().draft
        edit({ scorers, gates: gates.filter((_, i) => i !== index) })
      },
      setMessage: (message) => set({ message }),
      discard() {
        const suite = get().suite
        set({ draft: suite ? draftOf(suite) : emptyDraft, message: '', save: submitIdle })
      },
      async save() {
        const { promptId, draft, message, save } = get()
        if (!promptId || save.status === 'busy') return false
        set({ save: submitBusy })
        try {
          const suite = await client.call('suites.save', { promptId, suite: draft, message })
          if (get().promptId !== promptId) return true
          adopt(suite)
          set({ save: submitDone })
          return true
        } catch (error) {
          if (get().promptId === promptId) set({ save: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
      async exportFile() {
        const promptId = get().promptId
        if (!promptId) return null
        set({ transfer: submitBusy })
        try {
          const file = await client.call('suites.export', { promptId })
          set({ transfer: submitIdle })
          return file
        } catch (error) {
          set({ transfer: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      async importFile(content) {
        const promptId = get().promptId
        if (!promptId) return false
        set({ transfer: submitBusy })
        try {
          const suite = await client.call('suites.import', { promptId, content })
          if (get().promptId === promptId) {
            adopt(suite)
            set({ transfer: submitDone })
          }
          return true
        } catch (error) {
          if (get().promptId === promptId) set({ transfer: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
    }

    return {
      promptId: null,
      suite: null,
      load: idle,
      draft: emptyDraft,
      message: '',
      save: submitIdle,
      transfer: submitIdle,
      actions,
    }
  })
}
