import { useNewRun } from '../../../stores/hooks'
import { selectNewRunActions, selectNewRunForm } from '../../../stores/runs/selectors'

/** Canary: a random share of the cases first, stopping early when that sample already fails the gate. */
export function CanaryOption() {
  const form = useNewRun(selectNewRunForm)
  const { setCanary, setField } = useNewRun(selectNewRunActions)
  const share = /^\s*\d+\s*$/.test(form.canaryShare) ? form.canaryShare.trim() : '10'
  return (
    <div className="canary-option">
      <label className="check">
        <input
          type="checkbox"
          data-testid="new-run-canary"
          checked={form.canary}
          onChange={(e) => setCanary(e.target.checked)}
        />
        <span>Canary first</span>
      </label>
      <label className="inline-field">
        <input
          type="number"
          className="canary-share"
          data-testid="new-run-canary-share"
          aria-label="Canary share in percent"
          min={1}
          max={90}
          step={1}
          disabled={!form.canary}
          value={form.canaryShare}
          onChange={(e) => setField('canaryShare', e.target.value)}
        />
        <span>%</span>
      </label>
      <span className="field-hint" data-testid="new-run-canary-hint">
        — runs a random {share} % first, stops if it already fails the gate; otherwise continues with the
        rest.
      </span>
    </div>
  )
}
