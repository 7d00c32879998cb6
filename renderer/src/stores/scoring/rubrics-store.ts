import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Rubric, RubricDraft } from '../../../../shared/domain/scoring'
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

/** Tables whose change makes the rubric list stale. */
export const rubricsTables = ['rubrics'] as const

export interface RubricsActions {
  /** Loads once (Settings and the suite editor both need the list); later changes arrive via refresh. */
  ensureLoaded: () => Promise<void>
  refresh: () => Promise<void>
  /** rubrics.save: a changed rubric becomes a new version; the saved rubric, or null when refused. */
  save: (draft: RubricDraft) => Promise<Rubric | null>
  resetSave: () => void
}

export interface RubricsState {
  /** The latest version of each rubric, by name. */
  list: Rubric[]
  load: LoadState
  save: SubmitState
  actions: RubricsActions
}

export type RubricsStore = StoreApi<RubricsState>

const byName = (list: Rubric[]) => [...list].sort((a, b) => a.name.localeCompare(b.name))

export function createRubricsStore(client: ApiClient): RubricsStore {
  const seq = createSequence()
  return createStore<RubricsState>()((set, get) => {
    async function load(): Promise<void> {
      const n = seq.next()
      if (get().load.status !== 'ready') set({ load: loading })
      await settleLatest(seq, n, client.call('rubrics.list', {}), {
        value: (list) => set({ list: byName(list), load: ready }),
        error: (error) => set({ load: failed(error) }),
      })
    }
    const actions: RubricsActions = {
      async ensureLoaded() {
        if (get().load.status === 'idle') await load()
      },
      async refresh() {
        if (get().load.status !== 'idle') await load()
      },
      async save(draft) {
        if (get().save.status === 'busy') return null
        set({ save: submitBusy })
        try {
          const saved = await client.call('rubrics.save', draft)
          set((s) => ({
            list: byName([...s.list.filter((r) => r.key !== saved.key), saved]),
            save: submitDone,
          }))
          return saved
        } catch (error) {
          set({ save: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
      resetSave: () => set({ save: submitIdle }),
    }
    return { list: [], load: idle, save: submitIdle, actions }
  })
}
