import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type {
  PromptDetail,
  PromptMessage,
  PromptSummary,
  PromptVersion,
  VersionSummary,
} from '../../../../shared/domain/prompts'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'
import { selectIsDirty, selectIsReadOnly } from './selectors'

/** Tables whose change makes the prompt list or the shown prompt stale. */
export const promptsTables = ['prompts', 'prompt_versions'] as const

export interface SaveState {
  status: 'idle' | 'saving' | 'saved' | 'error'
  error: ErrorInfo | null
  /** The number of the version just created, while status is 'saved'. */
  savedNumber: number | null
}

export interface PromptsActions {
  loadList: () => Promise<void>
  /** Loads the list on the first visit only; later changes arrive via refresh. */
  ensureLoaded: () => Promise<void>
  select: (id: string) => Promise<void>
  /** Shows an older version read-only; null goes back to the latest. */
  viewVersion: (versionNumber: number | null) => Promise<void>
  editMessage: (index: number, content: string) => void
  setCommitMessage: (text: string) => void
  discardDraft: () => Promise<void>
  saveVersion: () => Promise<void>
  /** Refetches what is shown (a db.changed named our tables); an unsaved draft is never replaced. */
  refresh: () => Promise<void>
  dismissNotice: () => void
}

export interface PromptsState {
  list: PromptSummary[]
  listLoad: LoadState
  selectedId: string | null
  detail: PromptDetail | null
  detailLoad: LoadState
  /** Edited messages; null until the first edit of the shown version. */
  draft: PromptMessage[] | null
  commitMessage: string
  save: SaveState
  /** Why the last request was refused by the UI itself (e.g. leaving unsaved edits). */
  notice: string | null
  actions: PromptsActions
}

export type PromptsStore = StoreApi<PromptsState>

const saveIdle: SaveState = { status: 'idle', error: null, savedNumber: null }
const leaveDraftNotice = 'Save or discard your changes first.'

export function createPromptsStore(client: ApiClient): PromptsStore {
  const listSeq = createSequence()
  const detailSeq = createSequence()

  return createStore<PromptsState>()((set, get) => {
    async function loadDetail(id: string, versionNumber?: number): Promise<void> {
      const seq = detailSeq.next()
      set({ detailLoad: loading })
      try {
        const input = versionNumber === undefined ? { id } : { id, versionNumber }
        const detail = await client.call('prompts.get', input)
        if (!detailSeq.isLatest(seq) || get().selectedId !== id) return
        // Edits typed while this was in flight win: their base stays the shown version, so a save on
        // top of a newer one is reported as a conflict instead of silently rebasing.
        if (selectIsDirty(get())) return set({ detailLoad: ready })
        set({ detail, detailLoad: ready, draft: null })
      } catch (error) {
        if (!detailSeq.isLatest(seq)) return
        set({ detailLoad: failed(toErrorInfo(error)) })
      }
    }

    const actions: PromptsActions = {
      async loadList() {
        const seq = listSeq.next()
        set({ listLoad: loading })
        try {
          const list = await client.call('prompts.list', {})
          if (listSeq.isLatest(seq)) set({ list, listLoad: ready })
        } catch (error) {
          if (listSeq.isLatest(seq)) set({ listLoad: failed(toErrorInfo(error)) })
        }
      },

      async ensureLoaded() {
        if (get().listLoad.status === 'idle') await actions.loadList()
      },

      async select(id) {
        const s = get()
        if (id === s.selectedId && s.detail) return
        if (selectIsDirty(s)) return set({ notice: leaveDraftNotice })
        set({ selectedId: id, detail: null, draft: null, commitMessage: '', save: saveIdle, notice: null })
        await loadDetail(id)
      },

      async viewVersion(versionNumber) {
        const s = get()
        if (!s.selectedId) return
        if (selectIsDirty(s)) return set({ notice: leaveDraftNotice })
        set({ save: saveIdle, notice: null })
        await loadDetail(s.selectedId, versionNumber ?? undefined)
      },

      editMessage(index, content) {
        const s = get()
        if (!s.detail || selectIsReadOnly(s)) return
        const base = s.draft ?? s.detail.version.messages
        if (!base[index]) return
        const draft = base.map((m, i) => (i === index ? { ...m, content } : m))
        set({ draft, save: s.save.status === 'saved' ? saveIdle : s.save, notice: null })
      },

      setCommitMessage: (commitMessage) => set({ commitMessage }),

      async discardDraft() {
        set({ draft: null, commitMessage: '', save: saveIdle, notice: null })
        const id = get().selectedId
        if (id) await loadDetail(id)
      },

      async saveVersion() {
        const s = get()
        if (!s.detail || !s.draft || s.save.status === 'saving' || selectIsReadOnly(s) || !selectIsDirty(s))
          return
        const promptId = s.detail.prompt.id
        set({ save: { status: 'saving', error: null, savedNumber: null }, notice: null })
        try {
          const version = await client.call('prompts.saveVersion', {
            promptId,
            baseVersionId: s.detail.version.id,
            messages: s.draft,
            message: s.commitMessage,
          })
          set({
            detail: { ...s.detail, version, versions: [toSummary(version), ...s.detail.versions] },
            draft: null,
            commitMessage: '',
            save: { status: 'saved', error: null, savedNumber: version.number },
          })
          await Promise.all([loadDetail(promptId), actions.loadList()])
        } catch (error) {
          set({ save: { status: 'error', error: toErrorInfo(error), savedNumber: null } })
        }
      },

      async refresh() {
        const s = get()
        const reloads = [actions.loadList()]
        if (s.selectedId && !selectIsDirty(s) && s.save.status !== 'saving') {
          const shown = selectIsReadOnly(s) ? s.detail?.version.number : undefined
          reloads.push(loadDetail(s.selectedId, shown))
        }
        await Promise.all(reloads)
      },

      dismissNotice: () => set({ notice: null }),
    }

    return {
      list: [],
      listLoad: idle,
      selectedId: null,
      detail: null,
      detailLoad: idle,
      draft: null,
      commitMessage: '',
      save: saveIdle,
      notice: null,
      actions,
    }
  })
}

function toSummary(v: PromptVersion): VersionSummary {
  return {
    id: v.id,
    number: v.number,
    author: v.author,
    message: v.message,
    createdAt: v.createdAt,
    contentHash: v.contentHash,
  }
}
