import { useState } from 'react'
import type { Baseline } from '../../../../../shared/domain/scoring'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { useVersionLabels, versionLabel } from '../../../queries/catalog'

interface Props {
  /** "v2 on demo/triage-sim-2026-09": the slice this button makes the baseline. */
  label: string
  runId: string
  /** The prompt's baseline on this run's snapshot, if it has one (and it is not this slice). */
  current: Baseline | null
  disabled: boolean
  pending: boolean
  onSet: () => void
}

/**
 * "Set as baseline", after a confirmation that says what the gates will compare with from now on and which
 * baseline it replaces: every later gate of this prompt on this snapshot changes with it.
 */
export function SetBaselineButton({ label, runId, current, disabled, pending, onSet }: Props) {
  const [confirming, setConfirming] = useState(false)
  const labels = useVersionLabels()
  const replaced = current
    ? baselineText(current, runId, versionLabel(labels, current.slice.promptVersionId))
    : null
  return (
    <>
      <button
        type="button"
        className="button small"
        data-testid="set-baseline"
        disabled={disabled}
        title={replaced ? 'Replaces the current baseline on this snapshot' : undefined}
        onClick={() => setConfirming(true)}
      >
        {pending ? 'Setting…' : 'Set as baseline'}
      </button>
      {confirming ? (
        <ConfirmDialog
          title={`Set ${label} as the baseline?`}
          testId="set-baseline-dialog"
          confirmLabel="Set as baseline"
          onConfirm={onSet}
          onClose={() => setConfirming(false)}
        >
          <p>Gates of this prompt on this dataset snapshot will compare their candidates with it.</p>
          {replaced ? (
            <p data-testid="set-baseline-replaces">It replaces the current baseline, {replaced}.</p>
          ) : null}
        </ConfirmDialog>
      ) : null}
    </>
  )
}

function baselineText(baseline: Baseline, runId: string, version: string): string {
  const where = baseline.runId === runId ? 'this run' : 'another run'
  return `${version} on ${identityLabel(baseline.slice)} (${where})`
}
