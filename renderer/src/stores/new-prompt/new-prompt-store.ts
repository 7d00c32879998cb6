import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput } from '../../../../shared/contract'
import type { PromptDetail, PromptMessage } from '../../../../shared/domain/prompts'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitFailed, submitIdle, type SubmitState } from '../load-state'
import type * as drafts from '../prompts/draft'
import { emptyParamsForm, paramsFromForm, type ParamsForm } from '../prompts/params-form'

export interface NewPromptForm {
  name: string
  description: string
  owner: string
  commitMessage: string
  /** Messages, pinned model and params: the same draft shape the editor saves. */
  draft: drafts.Draft
}

export interface NewPromptActions {
  open: () => void
  close: () => void
  setField: (key: 'name' | 'description' | 'owner' | 'commitMessage', value: string) => void
  setDraft: (fn: (draft: drafts.Draft) => drafts.Draft) => void
  create: (options?: { allowNewVariables?: boolean }) => Promise<PromptDetail | null>
}

export interface NewPromptState {
  open: boolean
  form: NewPromptForm
  submit: SubmitState
  actions: NewPromptActions
}

export type NewPromptStore = StoreApi<NewPromptState>

const firstMessages: PromptMessage[] = [{ role: 'system', content: '' }]

export function blankForm(params: ParamsForm = emptyParamsForm): NewPromptForm {
  return {
    name: '',
    description: '',
    owner: '',
    commitMessage: 'First version',
    draft: { messages: firstMessages, model: { provider: 'openai', model: '' }, params },
  }
}

/** The prompts.create call for the form, or what to fix first (checked here: no round trip needed). */
export function buildCreateInput(
  form: NewPromptForm,
  allowNewVariables: boolean,
): { input: MethodInput<'prompts.create'> } | { problem: string } {
  const { params, errors } = paramsFromForm(form.draft.params)
  if (Object.keys(errors).length > 0)
    return { problem: `Fix the model parameters first (${Object.keys(errors).join(', ')}).` }
  const model = { provider: form.draft.model.provider, model: form.draft.model.model.trim() }
  if (!model.model) return { problem: 'Enter the exact model id to pin (e.g. a dated snapshot).' }
  return {
    input: {
      name: form.name,
      description: form.description,
      ...(form.owner.trim() ? { owner: form.owner.trim() } : {}),
      messages: form.draft.messages,
      model,
      params,
      message: form.commitMessage,
      ...(allowNewVariables ? { allowNewVariables: true } : {}),
    },
  }
}

export function createNewPromptStore(
  client: ApiClient,
  onCreated: (detail: PromptDetail) => void | Promise<void> = () => undefined,
): NewPromptStore {
  return createStore<NewPromptState>()((set, get) => ({
    open: false,
    form: blankForm(),
    submit: submitIdle,
    actions: {
      open: () => set((s) => (s.open ? s : { open: true, form: blankForm(), submit: submitIdle })),
      close: () => set({ open: false, submit: submitIdle }),
      setField: (key, value) => set((s) => ({ form: { ...s.form, [key]: value } })),
      setDraft: (fn) => set((s) => ({ form: { ...s.form, draft: fn(s.form.draft) } })),
      async create(options = {}) {
        const { form, submit } = get()
        if (submit.status === 'busy') return null
        const built = buildCreateInput(form, !!options.allowNewVariables)
        if ('problem' in built) {
          set({ submit: submitFailed({ code: 'INVALID_INPUT', message: built.problem }) })
          return null
        }
        set({ submit: submitBusy })
        try {
          const detail = await client.call('prompts.create', built.input)
          set({ open: false, submit: submitIdle, form: blankForm() })
          await onCreated(detail)
          return detail
        } catch (error) {
          set({ submit: submitFailed(toErrorInfo(error)) })
          return null
        }
      },
    },
  }))
}
