import type { Run } from '../../../../../shared/domain/runs'
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

/** Pause and cancel while it runs; resume once it stopped short (and cancel while it could resume). */
export function RunControls({ run }: { run: Run }) {
  const control = useControlState(0)
  const { mutate: act } = useControlRun()
  const busy = control.status === 'busy'
  return (
    <div className="toolbar run-controls">
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
            onClick={() => act({ id: run.id, action })}
          >
            {mine ? label.busy : label.text}
          </button>
        )
      })}
    </div>
  )
}
