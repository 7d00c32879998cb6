import { createStore, type StoreApi } from 'zustand/vanilla'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'

/** What a run's prompt version id stands for, to show "Ticket triage v2" instead of an opaque id. */
export interface VersionLabel {
  promptId: string
  promptName: string
  number: number
}

export interface CatalogState {
  versions: Readonly<Record<string, VersionLabel>>
  load: LoadState
  actions: {
    /** Loads once; prompts.list, then each prompt's version list. */
    ensureLoaded: () => Promise<void>
    refresh: () => Promise<void>
  }
}

export type CatalogStore = StoreApi<CatalogState>

/** Version labels for every prompt in the workspace (a run names its versions only by id). */
export function createCatalogStore(client: ApiClient): CatalogStore {
  const seq = createSequence()
  return createStore<CatalogState>()((set, get) => {
    async function load(): Promise<void> {
      const n = seq.next()
      if (get().load.status === 'idle') set({ load: loading })
      try {
        const prompts = await client.call('prompts.list', {})
        const details = await Promise.all(prompts.map((p) => client.call('prompts.get', { id: p.id })))
        if (!seq.isLatest(n)) return
        const versions: Record<string, VersionLabel> = {}
        for (const d of details) {
          for (const v of d.versions) {
            versions[v.id] = { promptId: d.prompt.id, promptName: d.prompt.name, number: v.number }
          }
        }
        set({ versions, load: ready })
      } catch (error) {
        if (seq.isLatest(n)) set({ load: failed(toErrorInfo(error)) })
      }
    }
    return {
      versions: {},
      load: idle,
      actions: {
        async ensureLoaded() {
          if (get().load.status === 'idle') await load()
        },
        async refresh() {
          if (get().load.status !== 'idle') await load()
        },
      },
    }
  })
}

/** "v2" when all versions come from one prompt, else "Ticket triage v2"; the id when it is unknown. */
export function versionLabel(
  versions: Readonly<Record<string, VersionLabel>>,
  id: string,
  withPrompt = false,
): string {
  const v = versions[id]
  if (!v) return id
  return withPrompt ? `${v.promptName} v${v.number}` : `v${v.number}`
}
