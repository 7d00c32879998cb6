import { createStore, type StoreApi } from 'zustand/vanilla'
import type { EvalSuite, EvalSuiteDraft, GateRule, Scorer } from '../../../../shared/domain/scoring'

export interface SuiteActions {
  /** The editor shows this prompt's suite; another prompt drops the draft and message. */
  show: (promptId: string) => void
  /** Adds a scorer, or replaces the one that produced `replacing` (its metric before the edit). */
  putScorer: (scorer: Scorer, replacing: string | null) => void
  removeScorer: (metric: string) => void
  /** Adds a gate rule, or replaces the one at `index`. */
  putGate: (rule: GateRule, index: number | null) => void
  removeGate: (index: number) => void
  setMessage: (message: string) => void
  /** Drops the draft (and the message): the editor shows the stored suite again. */
  discard: () => void
}

/**
 * The suite editor's own state; the stored suite is the `suites.get` query (queries/suite.ts). An edit
 * that brings the draft back to the stored suite drops it, so a change saved elsewhere shows at once;
 * a draft that differs is never replaced by a refetch.
 */
export interface SuiteState {
  promptId: string | null
  /** The unsaved draft of `promptId`'s suite; null: the editor shows the stored suite. */
  draft: EvalSuiteDraft | null
  message: string
  actions: SuiteActions
}

export type SuiteStore = StoreApi<SuiteState>

export const draftOf = (suite: EvalSuite): EvalSuiteDraft => ({ scorers: suite.scorers, gates: suite.gates })
const sameDraft = (a: EvalSuiteDraft, b: EvalSuiteDraft) => JSON.stringify(a) === JSON.stringify(b)

/** `stored(promptId)`: the suite the query cache holds for the prompt, the base of a first edit. */
export function createSuiteStore(stored: (promptId: string) => EvalSuite | undefined): SuiteStore {
  return createStore<SuiteState>()((set, get) => {
    const base = (): EvalSuiteDraft | null => {
      const { promptId, draft } = get()
      if (draft) return draft
      const suite = promptId ? stored(promptId) : undefined
      return suite ? draftOf(suite) : null
    }
    const storedDraft = (): EvalSuiteDraft | null => {
      const suite = get().promptId ? stored(get().promptId ?? '') : undefined
      return suite ? draftOf(suite) : null
    }
    const edit = (change: (draft: EvalSuiteDraft) => EvalSuiteDraft) => {
      const from = base()
      if (!from) return
      const next = change(from)
      const saved = storedDraft()
      set({ draft: saved && sameDraft(saved, next) ? null : next })
    }

    const actions: SuiteActions = {
      show(promptId) {
        if (get().promptId !== promptId) set({ promptId, draft: null, message: '' })
      },
      putScorer: (scorer, replacing) =>
        edit(({ scorers, gates }) => {
          const at = replacing === null ? -1 : scorers.findIndex((s) => s.metric === replacing)
          const next = at < 0 ? [...scorers, scorer] : scorers.map((s, i) => (i === at ? scorer : s))
          // A renamed metric takes its gate rules along: they would otherwise name a metric nobody produces.
          const renamed =
            replacing !== null && replacing !== scorer.metric
              ? gates.map((g) =>
                  'metric' in g && g.metric === replacing ? { ...g, metric: scorer.metric } : g,
                )
              : gates
          return { scorers: next, gates: renamed }
        }),
      removeScorer: (metric) =>
        edit(({ scorers, gates }) => ({ scorers: scorers.filter((s) => s.metric !== metric), gates })),
      putGate: (rule, index) =>
        edit(({ scorers, gates }) => ({
          scorers,
          gates: index === null ? [...gates, rule] : gates.map((g, i) => (i === index ? rule : g)),
        })),
      removeGate: (index) =>
        edit(({ scorers, gates }) => ({ scorers, gates: gates.filter((_, i) => i !== index) })),
      setMessage: (message) => set({ message }),
      discard: () => set({ draft: null, message: '' }),
    }

    return { promptId: null, draft: null, message: '', actions }
  })
}
