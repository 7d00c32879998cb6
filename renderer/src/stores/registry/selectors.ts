import type { GateCheck } from '../../../../shared/domain/registry'
import { gateStanding, usesOverride, type PromotionState } from './promotion-store'
import type { RollbackState } from './rollback-store'

export const selectPromotionTarget = (s: PromotionState) => s.target
export const selectPromotionReason = (s: PromotionState) => s.reason
export const selectApprovalComment = (s: PromotionState) => s.approvalComment
export const selectPromotionActions = (s: PromotionState) => s.actions

export const selectOverride = (s: PromotionState) => s.override
export const selectOverrideReason = (s: PromotionState) => s.overrideReason

/**
 * Promote is possible once the gate allows it (or only the eval gate is unmet and the user overrides it
 * with a reason), a reason is given and nothing is in flight. A recheck in flight (an approval just
 * recorded announces itself twice: its own recheck and its db.changed) keeps the last answer usable
 * instead of disabling Promote under the user's click; the core checks the gate again when promoting and
 * answers with its check if it no longer allows it. A check that failed allows nothing.
 */
export function canPromote(
  check: { data: GateCheck | undefined; failed: boolean },
  s: Pick<PromotionState, 'reason' | 'override' | 'overrideReason'>,
  busy: boolean,
): boolean {
  return (
    !check.failed &&
    (gateStanding(check.data) === 'allowed' || usesOverride(check.data, s)) &&
    s.reason.trim().length > 0 &&
    !busy
  )
}

export const selectRollbackDialog = (s: RollbackState) => s.dialog
export const selectRollbackTo = (s: RollbackState) => s.toNumber
export const selectRollbackReason = (s: RollbackState) => s.reason
export const selectRollbackSubmit = (s: RollbackState) => s.submit
export const selectRollbackActions = (s: RollbackState) => s.actions
