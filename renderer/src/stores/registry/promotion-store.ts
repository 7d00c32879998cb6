import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { Environment } from '../../../../shared/domain/environments'
import { gateCheckSchema, type GateCheck } from '../../../../shared/domain/registry'
import { ApiError, toErrorInfo, type ApiClient } from '../../api'
import {
  createSequence,
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

/** Tables whose change can flip a gate requirement while the dialog is open. */
export const promotionTables = ['approvals', 'prompt_environments', 'prompt_versions'] as const

export interface PromotionTarget {
  promptId: string
  versionId: string
  versionNumber: number
  env: Environment
  /** The model the version pins: the dialog flags it when no provider in Settings has its name. */
  model?: ModelRef
}

export interface PromotionActions {
  /** Opens the dialog and asks the core what this promotion needs (prompts.checkPromotion). */
  open: (target: PromotionTarget) => Promise<void>
  close: () => void
  recheck: () => Promise<void>
  setReason: (reason: string) => void
  setApprovalComment: (comment: string) => void
  /** Promote although the eval gate is not passed; only offered when nothing else is unmet. */
  setOverride: (on: boolean) => void
  setOverrideReason: (reason: string) => void
  /** Records an approval of the target for its environment, then checks again. */
  approve: () => Promise<void>
  promote: () => Promise<boolean>
}

export interface PromotionState {
  target: PromotionTarget | null
  check: GateCheck | null
  checkLoad: LoadState
  reason: string
  approvalComment: string
  override: boolean
  overrideReason: string
  approval: SubmitState
  submit: SubmitState
  actions: PromotionActions
}

export type PromotionStore = StoreApi<PromotionState>

/**
 * Where the gate leaves a promotion: 'allowed'; 'overridable' when every unmet requirement may be
 * overridden with a recorded reason (the eval gate); 'blocked' while any other one (an approval) is unmet.
 */
export function gateStanding(check: GateCheck | null): 'allowed' | 'overridable' | 'blocked' {
  if (!check) return 'blocked'
  if (check.allowed) return 'allowed'
  const unmet = check.requirements.filter((r) => !r.satisfied)
  return unmet.length > 0 && unmet.every((r) => r.overridable) ? 'overridable' : 'blocked'
}

/** The user chose to override an overridable gate and said why. */
export function usesOverride(s: Pick<PromotionState, 'check' | 'override' | 'overrideReason'>): boolean {
  return gateStanding(s.check) === 'overridable' && s.override && s.overrideReason.trim().length > 0
}

const closed = {
  target: null,
  check: null,
  checkLoad: idle,
  reason: '',
  approvalComment: '',
  override: false,
  overrideReason: '',
  approval: submitIdle,
  submit: submitIdle,
}

export function createPromotionStore(client: ApiClient): PromotionStore {
  const seq = createSequence()
  return createStore<PromotionState>()((set, get) => {
    const actions: PromotionActions = {
      async open(target) {
        set({ ...closed, target })
        await actions.recheck()
      },
      close() {
        seq.next()
        set(closed)
      },
      async recheck() {
        const target = get().target
        if (!target) return
        const n = seq.next()
        set({ checkLoad: loading })
        try {
          const { promptId, versionId, env } = target
          const check = await client.call('prompts.checkPromotion', { promptId, versionId, env })
          if (seq.isLatest(n) && get().target === target) set({ check, checkLoad: ready })
        } catch (error) {
          if (seq.isLatest(n)) set({ checkLoad: failed(toErrorInfo(error)) })
        }
      },
      setReason: (reason) =>
        set({ reason, submit: get().submit.status === 'error' ? submitIdle : get().submit }),
      setApprovalComment: (approvalComment) => set({ approvalComment }),
      setOverride: (override) => set({ override }),
      setOverrideReason: (overrideReason) => set({ overrideReason }),
      async approve() {
        const { target, approvalComment, approval } = get()
        if (!target || approval.status === 'busy') return
        set({ approval: submitBusy })
        try {
          const { promptId, versionId, env } = target
          await client.call('prompts.approve', { promptId, versionId, env, comment: approvalComment })
          if (get().target !== target) return
          set({ approval: submitDone, approvalComment: '' })
          await actions.recheck()
        } catch (error) {
          if (get().target === target) set({ approval: submitFailed(toErrorInfo(error)) })
        }
      },
      async promote() {
        const { target, reason, submit } = get()
        if (!target || submit.status === 'busy') return false
        set({ submit: submitBusy })
        try {
          const { promptId, versionId, env } = target
          const overrideGateReason = usesOverride(get()) ? get().overrideReason.trim() : undefined
          await client.call('prompts.promote', {
            promptId,
            versionId,
            env,
            reason,
            ...(overrideGateReason ? { overrideGateReason } : {}),
          })
          if (get().target === target) set(closed)
          return true
        } catch (error) {
          // The gate said no (someone withdrew an approval, another promotion won): show its answer.
          const gate = ApiError.is(error, 'FORBIDDEN') ? gateCheckSchema.safeParse(error.details) : null
          if (get().target !== target) return false
          set({ submit: submitFailed(toErrorInfo(error)), ...(gate?.success ? { check: gate.data } : {}) })
          return false
        }
      },
    }
    return { ...closed, actions }
  })
}
