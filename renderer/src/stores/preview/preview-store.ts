import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ConversationTurn } from '../../../../shared/domain/conversation'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { ModelParams, ModelRef, PromptMessage } from '../../../../shared/domain/prompts'
import type { Preview } from '../../../../shared/domain/registry'
import { caseKeyVariable } from '../../../../shared/domain/template-names'
import { toErrorInfo, type ApiClient } from '../../api'
import { createSequence, failed, idle, loading, ready, type LoadState } from '../load-state'

export const previewDelayMs = 250

/** What is rendered: the messages, model and params as they stand in the editor (draft included). */
export interface PreviewTemplate {
  messages: PromptMessage[]
  model: ModelRef
  params: ModelParams
}

/** Variables come from a dataset case or are typed by hand, one field per variable. */
export type VarsSource = 'case' | 'manual'

export interface PreviewActions {
  /** The editor changed: render again after the debounce. */
  setTemplate: (template: PreviewTemplate) => void
  setSource: (source: VarsSource) => void
  setManualVar: (name: string, value: string) => void
  pickCase: (item: DatasetCase | null) => void
  /** Sends the pending request now instead of waiting for the debounce. */
  flush: () => Promise<void>
  /** Drops a pending request and ignores the reply of one in flight. */
  cancel: () => void
}

export interface PreviewState {
  template: PreviewTemplate | null
  source: VarsSource
  manualVars: Record<string, string>
  pickedCase: DatasetCase | null
  result: Preview | null
  /** 'loading' from the first keystroke of a burst until its reply. */
  load: LoadState
  actions: PreviewActions
}

export type PreviewStore = StoreApi<PreviewState>

/**
 * What fills the template: the picked case's variables and key, or the typed values (the field for
 * `{{case.key}}` is typed like any other, but the core takes it as the key, not as a variable).
 */
export function currentValues(s: Pick<PreviewState, 'source' | 'manualVars' | 'pickedCase'>): {
  vars: Record<string, string>
  caseKey: string | null
  conversation?: ConversationTurn[]
} {
  if (s.source === 'case') {
    const conversation = s.pickedCase?.conversation
    const values = { vars: s.pickedCase?.vars ?? {}, caseKey: s.pickedCase?.key ?? null }
    return conversation ? { ...values, conversation } : values
  }
  const { [caseKeyVariable]: typedKey, ...vars } = s.manualVars
  return { vars, caseKey: typedKey ?? null }
}

/**
 * Preview calls are cheap but typing fires many: one call per `delayMs` of quiet, and a reply that is
 * not for the latest request is dropped (a slow early reply must not overwrite a newer one).
 */
export function createPreviewStore(client: ApiClient, delayMs = previewDelayMs): PreviewStore {
  const seq = createSequence()
  let timer: ReturnType<typeof setTimeout> | undefined

  return createStore<PreviewState>()((set, get) => {
    async function run(): Promise<void> {
      clearTimeout(timer)
      timer = undefined
      const s = get()
      if (!s.template) return
      const n = seq.next()
      try {
        const result = await client.call('prompts.preview', { ...s.template, ...currentValues(s) })
        if (seq.isLatest(n)) set({ result, load: ready })
      } catch (error) {
        if (seq.isLatest(n)) set({ load: failed(toErrorInfo(error)) })
      }
    }

    function schedule(): void {
      if (!get().template) return
      clearTimeout(timer)
      set({ load: loading })
      timer = setTimeout(() => void run(), delayMs)
    }

    const actions: PreviewActions = {
      setTemplate(template) {
        set({ template })
        schedule()
      },
      setSource(source) {
        set({ source })
        schedule()
      },
      setManualVar(name, value) {
        set((s) => ({ manualVars: { ...s.manualVars, [name]: value } }))
        schedule()
      },
      pickCase(pickedCase) {
        set({ pickedCase })
        schedule()
      },
      flush: run,
      cancel() {
        clearTimeout(timer)
        timer = undefined
        seq.next()
        if (get().load.status === 'loading') set({ load: get().result ? ready : idle })
      },
    }
    return {
      template: null,
      source: 'manual',
      manualVars: {},
      pickedCase: null,
      result: null,
      load: idle,
      actions,
    }
  })
}
