import { createStore, type StoreApi } from 'zustand/vanilla'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import { toErrorInfo, type ApiClient } from '../../api'
import type { DiffPair } from '../app/location'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'

export interface DiffActions {
  /** Compares `pair` of one prompt; loads the two versions it does not hold yet. */
  open: (promptId: string, pair: DiffPair) => Promise<void>
  setLeft: (versionNumber: number) => Promise<void>
  setRight: (versionNumber: number) => Promise<void>
  swap: () => Promise<void>
  /**
   * Ticks a version for comparison in the version list; the second tick returns the pair to open
   * (older on the left) and clears the ticks.
   */
  togglePick: (promptId: string, versionNumber: number) => DiffPair | null
  clearPicks: () => void
}

export interface DiffState {
  promptId: string | null
  pair: DiffPair | null
  /** Versions are immutable, so a loaded one never goes stale: keyed `promptId@number`. */
  versions: Record<string, PromptVersion>
  load: LoadState
  picks: { promptId: string; numbers: number[] }
  actions: DiffActions
}

export type DiffStore = StoreApi<DiffState>

export const versionKey = (promptId: string, versionNumber: number) => `${promptId}@${versionNumber}`

export function createDiffStore(client: ApiClient): DiffStore {
  const seq = createSequence()
  return createStore<DiffState>()((set, get) => {
    async function fetchVersion(promptId: string, versionNumber: number): Promise<PromptVersion> {
      const cached = get().versions[versionKey(promptId, versionNumber)]
      if (cached) return cached
      const detail = await client.call('prompts.get', { id: promptId, versionNumber })
      return detail.version
    }

    const actions: DiffActions = {
      async open(promptId, pair) {
        const n = seq.next()
        set({ promptId, pair, load: loading })
        try {
          const [left, right] = await Promise.all([
            fetchVersion(promptId, pair.left),
            fetchVersion(promptId, pair.right),
          ])
          if (!seq.isLatest(n)) return
          set((s) => ({
            versions: {
              ...s.versions,
              [versionKey(promptId, left.number)]: left,
              [versionKey(promptId, right.number)]: right,
            },
            load: ready,
          }))
        } catch (error) {
          if (seq.isLatest(n)) set({ load: failed(toErrorInfo(error)) })
        }
      },
      async setLeft(left) {
        const { promptId, pair } = get()
        if (promptId && pair) await actions.open(promptId, { ...pair, left })
      },
      async setRight(right) {
        const { promptId, pair } = get()
        if (promptId && pair) await actions.open(promptId, { ...pair, right })
      },
      async swap() {
        const { promptId, pair } = get()
        if (promptId && pair) await actions.open(promptId, { left: pair.right, right: pair.left })
      },
      togglePick(promptId, versionNumber) {
        const current = get().picks
        const numbers = current.promptId === promptId ? current.numbers : []
        const next = numbers.includes(versionNumber)
          ? numbers.filter((x) => x !== versionNumber)
          : [...numbers, versionNumber]
        const [a, b] = next
        if (next.length === 2 && a !== undefined && b !== undefined) {
          set({ picks: { promptId, numbers: [] } })
          return { left: Math.min(a, b), right: Math.max(a, b) }
        }
        set({ picks: { promptId, numbers: next } })
        return null
      },
      clearPicks: () => set({ picks: { promptId: '', numbers: [] } }),
    }
    return {
      promptId: null,
      pair: null,
      versions: {},
      load: idle,
      picks: { promptId: '', numbers: [] },
      actions,
    }
  })
}
