import { createStore, type StoreApi } from 'zustand/vanilla'
import type { MethodInput } from '../../../../shared/contract'
import type { Signoff } from '../../../../shared/domain/bundles'
import type { SliceKey } from '../../../../shared/domain/scoring'
import type { ApiClient } from '../../api'
import { submitIdle, type SubmitState } from '../load-state'
import { runSubmit } from './submit'

/** The run slice the sign-off dialog is about; `label` names it for people ("v3 on gpt-4o"). */
export interface SignoffTarget {
  promptId: string
  runId: string
  slice: SliceKey
  label: string
}

export type SignoffForm = Pick<MethodInput<'signoffs.create'>, 'name' | 'role' | 'comment' | 'keyId'>

export interface SignoffActions {
  open: (target: SignoffTarget) => void
  close: () => void
  /** signoffs.create for the open target; the sign-off on success, else null (refusal in `submit`). */
  submit: (form: SignoffForm) => Promise<Signoff | null>
}

export interface SignoffState {
  target: SignoffTarget | null
  submit: SubmitState
  /** The sign-off just made for the open target, shown until the dialog closes. */
  result: Signoff | null
  actions: SignoffActions
}

export type SignoffStore = StoreApi<SignoffState>

/** Role suggestions; any other role may be typed. */
export const signoffRoles = ['Reviewer', 'PM', 'Engineer', 'Lead'] as const

export function createSignoffStore(client: ApiClient, onSigned: (signoff: Signoff) => void): SignoffStore {
  return createStore<SignoffState>()((set, get) => ({
    target: null,
    submit: submitIdle,
    result: null,
    actions: {
      open: (target) => set({ target, submit: submitIdle, result: null }),
      close: () => set({ target: null, submit: submitIdle, result: null }),
      submit: async (form) => {
        const target = get().target
        if (!target || get().submit.status === 'busy') return null
        const signoff = await runSubmit(
          (submit) => set({ submit }),
          () =>
            client.call('signoffs.create', {
              promptId: target.promptId,
              runId: target.runId,
              slice: target.slice,
              ...form,
            }),
        )
        // A reply for a dialog that was closed (or reopened on another slice) meanwhile is not shown.
        if (signoff && get().target === target) set({ result: signoff })
        if (signoff) onSigned(signoff)
        return signoff
      },
    },
  }))
}
