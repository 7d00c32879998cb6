import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ErrorInfo } from '../../../../shared/contract'
import type {
  ModelRef,
  PromptDetail,
  PromptSummary,
  PromptVersion,
  VersionSummary,
} from '../../../../shared/domain/prompts'
import { toErrorInfo, type ApiClient } from '../../api'
import type { PromptTab } from '../app/location'
import {
  createSequence,
  settleLatest,
  failed,
  idle,
  loading,
  ready,
  submitBusy,
  submitDone,
  submitFailed,
  submitIdle,
  type LoadState,
  type SubmitState,
} from '../load-state'
import * as drafts from './draft'
import type { ParamsForm } from './params-form'
import { buildSaveInput } from './save-input'
import { selectIsDirty, selectIsReadOnly } from './selectors'

/** Tables whose change makes the prompt list, the shown prompt or its environment badges stale. */
export const promptsTables = ['prompts', 'prompt_versions', 'prompt_environments'] as const

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
  /** Opens a prompt at its latest version, or at `versionNumber` (read-only when older). */
  select: (id: string, versionNumber?: number) => Promise<void>
  /** Shows an older version read-only; null goes back to the latest. */
  viewVersion: (versionNumber: number | null) => Promise<void>
  editMessage: (index: number, content: string) => void
  setMessageRole: (index: number, role: drafts.TextRole) => void
  addMessage: (role: drafts.TextRole) => void
  /** Adds the conversation placeholder (at most one) after the leading system messages. */
  addPlaceholder: () => void
  removeMessage: (index: number) => void
  moveMessage: (index: number, delta: -1 | 1) => void
  setModel: (model: ModelRef) => void
  setParams: (params: ParamsForm) => void
  setCommitMessage: (text: string) => void
  discardDraft: () => Promise<void>
  /** `allowNewVariables` repeats a save the core refused for introducing a new {{variable}}. */
  saveVersion: (options?: { allowNewVariables?: boolean }) => Promise<void>
  updateDetails: (details: { description: string; owner: string }) => Promise<boolean>
  /** Shows a prompt the core just returned (created, imported); refused while a draft is unsaved. */
  adopt: (detail: PromptDetail) => Promise<void>
  setTab: (tab: PromptTab) => void
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
  /** Edited messages, model and params; null until the first edit of the shown version. */
  draft: drafts.Draft | null
  commitMessage: string
  save: SaveState
  detailsSave: SubmitState
  tab: PromptTab
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

    /** Applies an edit to the draft (made from the shown version on the first edit). */
    function edit(fn: (draft: drafts.Draft) => drafts.Draft): void {
      const s = get()
      if (!s.detail || selectIsReadOnly(s)) return
      const draft = fn(s.draft ?? drafts.draftFromVersion(s.detail.version))
      set({ draft, save: s.save.status === 'saved' ? saveIdle : s.save, notice: null })
    }

    const actions: PromptsActions = {
      async loadList() {
        const seq = listSeq.next()
        set({ listLoad: loading })
        await settleLatest(listSeq, seq, client.call('prompts.list', {}), {
          value: (list) => set({ list, listLoad: ready }),
          error: (error) => set({ listLoad: failed(error) }),
        })
      },

      async ensureLoaded() {
        if (get().listLoad.status === 'idle') await actions.loadList()
      },

      async select(id, versionNumber) {
        const s = get()
        if (id === s.selectedId && s.detail) {
          if (versionNumber === undefined || versionNumber === s.detail.version.number) return
          return actions.viewVersion(versionNumber)
        }
        if (selectIsDirty(s)) return set({ notice: leaveDraftNotice })
        set({
          selectedId: id,
          detail: null,
          draft: null,
          commitMessage: '',
          save: saveIdle,
          detailsSave: submitIdle,
          notice: null,
        })
        await loadDetail(id, versionNumber)
      },

      async viewVersion(versionNumber) {
        const s = get()
        if (!s.selectedId) return
        if (selectIsDirty(s)) return set({ notice: leaveDraftNotice })
        set({ save: saveIdle, notice: null, draft: null })
        await loadDetail(s.selectedId, versionNumber ?? undefined)
      },

      editMessage: (index, content) => edit((d) => drafts.setContent(d, index, content)),
      setMessageRole: (index, role) => edit((d) => drafts.setRole(d, index, role)),
      addMessage: (role) => edit((d) => drafts.addMessage(d, role)),
      addPlaceholder: () => edit(drafts.addPlaceholder),
      removeMessage: (index) => edit((d) => drafts.removeMessage(d, index)),
      moveMessage: (index, delta) => edit((d) => drafts.moveMessage(d, index, delta)),
      setModel: (model) => edit((d) => ({ ...d, model })),
      setParams: (params) => edit((d) => ({ ...d, params })),
      setCommitMessage: (commitMessage) => set({ commitMessage }),

      async discardDraft() {
        set({ draft: null, commitMessage: '', save: saveIdle, notice: null })
        const id = get().selectedId
        if (id) await loadDetail(id)
      },

      async saveVersion(options = {}) {
        const s = get()
        if (!s.detail || !s.draft || s.save.status === 'saving' || selectIsReadOnly(s) || !selectIsDirty(s))
          return
        const built = buildSaveInput(s.detail.version, s.draft, s.commitMessage, !!options.allowNewVariables)
        if ('problem' in built) {
          const error: ErrorInfo = { code: 'INVALID_INPUT', message: built.problem }
          return set({ save: { status: 'error', error, savedNumber: null } })
        }
        const promptId = s.detail.prompt.id
        set({ save: { status: 'saving', error: null, savedNumber: null }, notice: null })
        try {
          const version = await client.call('prompts.saveVersion', built.input)
          const { detail } = get()
          if (detail?.prompt.id === promptId) {
            set({ detail: { ...detail, version, versions: [toSummary(version), ...detail.versions] } })
          }
          set({
            draft: null,
            commitMessage: '',
            save: { status: 'saved', error: null, savedNumber: version.number },
          })
          await Promise.all([loadDetail(promptId), actions.loadList()])
        } catch (error) {
          set({ save: { status: 'error', error: toErrorInfo(error), savedNumber: null } })
        }
      },

      async updateDetails({ description, owner }) {
        const detail = get().detail
        if (!detail) return false
        set({ detailsSave: submitBusy })
        try {
          const prompt = await client.call('prompts.updateDetails', {
            promptId: detail.prompt.id,
            description,
            owner,
          })
          const current = get().detail
          if (current?.prompt.id === prompt.id) set({ detail: { ...current, prompt } })
          set({ detailsSave: submitDone })
          void actions.loadList()
          return true
        } catch (error) {
          set({ detailsSave: submitFailed(toErrorInfo(error)) })
          return false
        }
      },

      async adopt(detail) {
        if (selectIsDirty(get())) {
          set({ notice: `"${detail.prompt.name}" is saved. Save or discard your changes to open it.` })
        } else {
          detailSeq.next()
          set({
            selectedId: detail.prompt.id,
            detail,
            detailLoad: ready,
            draft: null,
            commitMessage: '',
            save: saveIdle,
            detailsSave: submitIdle,
            notice: null,
            tab: 'editor',
          })
        }
        await actions.loadList()
      },

      setTab: (tab) => set({ tab }),

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
      detailsSave: submitIdle,
      tab: 'editor',
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
