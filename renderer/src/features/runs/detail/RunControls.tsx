import { useState } from 'react'
import type { Run } from '../../../../../shared/domain/runs'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { useControlRun, useControlState } from '../../../queries/runs'
import { controlsFor, type RunControl } from '../../../stores/runs/progress'

const labels: Record<RunControl, { text: string; busy: string; hint: string }> = {
  pause: {
    text: 'Pause',
    busy: 'Pausing…',
    hint: 'Stops sending calls; calls in flight finish and are kept.',
  },
  cancel: {
    text: 'Cancel',
    busy: 'Cancelling…',
    hint: 'Stops the run for good; completed results are kept.',
  },
  resume: {
    text: 'Resume',
    busy: 'Resuming…',
    hint: 'Calls only what is missing; completed results are kept.',
  },
}

/**
 * Pause and cancel while it runs; resume once it stopped short (and cancel while it could resume). Cancel
 * asks first: it ends the run, where pause and resume only hold it.
 */
export function RunControls({ run }: { run: Run }) {
  const control = useControlState(0)
  const { mutate: act } = useControlRun()
  const [confirming, setConfirming] = useState(false)
  const busy = control.status === 'busy'
  return (
    <div className="toolbar run-controls">
      {confirming ? (
        <ConfirmDialog
          title={`Cancel the run “${run.name}”?`}
          testId="cancel-run-dialog"
          confirmLabel="Cancel run"
          keepLabel="Keep running"
          danger
          onConfirm={() => act({ id: run.id, action: 'cancel' })}
          onClose={() => setConfirming(false)}
        >
          <p>
            No more calls are sent and calls in flight are dropped. The results already stored are kept, and
            Resume later calls only what is missing.
          </p>
        </ConfirmDialog>
      ) : null}
      {controlsFor(run.status).map((action) => {
        const label = labels[action]
        const mine = busy && control.runId === run.id && control.action === action
        return (
          <button
            key={action}
            type="button"
            className={`button small${action === 'resume' ? ' primary' : ''}`}
            data-testid={`run-${action}`}
            title={label.hint}
            disabled={busy}
            onClick={() => (action === 'cancel' ? setConfirming(true) : act({ id: run.id, action }))}
          >
            {mine ? label.busy : label.text}
          </button>
        )
      })}
    </div>
  )
}
