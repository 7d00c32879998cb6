import { usePromotion } from '../../../stores/hooks'
import {
  selectOverride,
  selectOverrideReason,
  selectPromotionActions,
} from '../../../stores/registry/selectors'

/**
 * Promote although the eval gate has not passed: only offered when the eval gate is the only unmet
 * requirement. The reason is recorded with the promotion in the history.
 */
export function GateOverride() {
  const override = usePromotion(selectOverride)
  const reason = usePromotion(selectOverrideReason)
  const { setOverride, setOverrideReason } = usePromotion(selectPromotionActions)
  return (
    <fieldset className="approval-form gate-override" data-testid="gate-override-form">
      <legend>Override the eval gate</legend>
      <label className="check">
        <input
          type="checkbox"
          data-testid="gate-override"
          checked={override}
          onChange={(e) => setOverride(e.target.checked)}
        />
        <span>Promote without a passing eval gate</span>
      </label>
      {override ? (
        <textarea
          aria-label="Why the eval gate is overridden"
          data-testid="gate-override-reason"
          rows={2}
          maxLength={1000}
          placeholder="Why this version may ship without a passing gate (recorded in the history)"
          value={reason}
          onChange={(e) => setOverrideReason(e.target.value)}
        />
      ) : null}
    </fieldset>
  )
}
