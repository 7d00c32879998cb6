import { createStore, type StoreApi } from 'zustand/vanilla'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { Environment } from '../../../../shared/domain/environments'
import type { GateCheck } from '../../../../shared/domain/registry'

export interface PromotionTarget {
  promptId: string
  versionId: string
  versionNumber: number
  env: Environment
  /** The model the version pins: the dialog flags it when no provider in Settings has its name. */
  model?: ModelRef
}

export interface PromotionActions {
  /** Opens the dialog; what the promotion needs is the `prompts.checkPromotion` query (queries/promotion.ts). */
  open: (target: PromotionTarget) => void
  close: () => void
  setReason: (reason: string) => void
  setApprovalComment: (comment: string) => void
  /** Promote although the eval gate is not passed; only offered when nothing else is unmet. */
  setOverride: (on: boolean) => void
  setOverrideReason: (reason: string) => void
}

/** The promotion dialog's drafts; the gate check, approval and promotion are a query and mutations. */
export interface PromotionState {
  target: PromotionTarget | null
  reason: string
  approvalComment: string
  override: boolean
  overrideReason: string
  actions: PromotionActions
}

export type PromotionStore = StoreApi<PromotionState>

/**
 * Where the gate leaves a promotion: 'allowed'; 'overridable' when every unmet requirement may be
 * overridden with a recorded reason (the eval gate); 'blocked' while any other one (an approval) is unmet.
 */
export function gateStanding(check: GateCheck | null | undefined): 'allowed' | 'overridable' | 'blocked' {
  if (!check) return 'blocked'
  if (check.allowed) return 'allowed'
  const unmet = check.requirements.filter((r) => !r.satisfied)
  return unmet.length > 0 && unmet.every((r) => r.overridable) ? 'overridable' : 'blocked'
}

/** The user chose to override an overridable gate and said why. */
export function usesOverride(
  check: GateCheck | null | undefined,
  s: Pick<PromotionState, 'override' | 'overrideReason'>,
): boolean {
  return gateStanding(check) === 'overridable' && s.override && s.overrideReason.trim().length > 0
}

const closed = { target: null, reason: '', approvalComment: '', override: false, overrideReason: '' }

export function createPromotionStore(): PromotionStore {
  return createStore<PromotionState>()((set) => ({
    ...closed,
    actions: {
      open: (target) => set({ ...closed, target }),
      close: () => set(closed),
      setReason: (reason) => set({ reason }),
      setApprovalComment: (approvalComment) => set({ approvalComment }),
      setOverride: (override) => set({ override }),
      setOverrideReason: (overrideReason) => set({ overrideReason }),
    },
  }))
}
