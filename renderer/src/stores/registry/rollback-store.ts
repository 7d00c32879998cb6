import { createStore, type StoreApi } from 'zustand/vanilla'
import type { Environment } from '../../../../shared/domain/environments'
import { toErrorInfo, type ApiClient } from '../../api'
import { submitBusy, submitFailed, submitIdle, type SubmitState } from '../load-state'

export interface RollbackTarget {
  promptId: string
  env: Environment
  /** The version the environment points at now. */
  currentNumber: number
}

export interface RollbackActions {
  open: (target: RollbackTarget) => void
  close: () => void
  setTarget: (versionNumber: number | null) => void
  setReason: (reason: string) => void
  /** `toVersionId` is the id of the chosen version number (the dialog knows the prompt's versions). */
  confirm: (toVersionId: string) => Promise<boolean>
}

export interface RollbackState {
  dialog: RollbackTarget | null
  toNumber: number | null
  reason: string
  submit: SubmitState
  actions: RollbackActions
}

export type RollbackStore = StoreApi<RollbackState>

const closed = { dialog: null, toNumber: null, reason: '', submit: submitIdle }

export function createRollbackStore(client: ApiClient): RollbackStore {
  return createStore<RollbackState>()((set, get) => ({
    ...closed,
    actions: {
      open: (dialog) => set({ ...closed, dialog }),
      close: () => set(closed),
      setTarget: (toNumber) => set({ toNumber }),
      setReason: (reason) => set({ reason }),
      async confirm(toVersionId) {
        const { dialog, reason, submit } = get()
        if (!dialog || submit.status === 'busy') return false
        set({ submit: submitBusy })
        try {
          await client.call('prompts.rollback', {
            promptId: dialog.promptId,
            env: dialog.env,
            toVersionId,
            reason,
          })
          if (get().dialog === dialog) set(closed)
          return true
        } catch (error) {
          if (get().dialog === dialog) set({ submit: submitFailed(toErrorInfo(error)) })
          return false
        }
      },
    },
  }))
}
