import { ErrorNotice } from '../../components/ErrorNotice'
import { useControlRun, useControlState, useInterruptedRuns } from '../../queries/runs'
import { useRuns } from '../../stores/hooks'
import { selectDismissedOffer, selectRunsActions } from '../../stores/runs/selectors'

/** Runs the last session left half done (the app closed or crashed): one click resumes each. */
export function ResumeOffer() {
  const runs = useInterruptedRuns(useRuns(selectDismissedOffer))
  const control = useControlState(0)
  const { mutate: act } = useControlRun()
  const { dismissOffer, select } = useRuns(selectRunsActions)
  if (runs.length === 0) return null
  const failedHere = control.status === 'error' && runs.some((r) => r.id === control.runId)

  return (
    <section className="banner warn resume-offer" data-testid="resume-offer" aria-label="Interrupted runs">
      <div className="resume-offer-text">
        <p>
          <strong>
            {runs.length === 1 ? '1 run was' : `${runs.length} runs were`} interrupted (the app closed or
            crashed).
          </strong>{' '}
          Completed results are kept; resuming calls only what is missing.
        </p>
        <ul className="resume-offer-list">
          {runs.map((run) => (
            <li key={run.id} data-run-id={run.id}>
              <button type="button" className="link-button" onClick={() => select(run.id)}>
                {run.name}
              </button>{' '}
              <span className="muted">
                {run.counts.done.toLocaleString()} / {run.counts.total.toLocaleString()} done
              </span>{' '}
              <button
                type="button"
                className="button small primary"
                data-testid="resume-offer-resume"
                data-run-id={run.id}
                aria-label={`Resume ${run.name}`}
                disabled={control.status === 'busy'}
                onClick={() => {
                  select(run.id)
                  act({ id: run.id, action: 'resume' })
                }}
              >
                Resume
              </button>
            </li>
          ))}
        </ul>
        {failedHere && control.error ? (
          <ErrorNotice title="Could not resume" error={control.error} testId="resume-offer-error" />
        ) : null}
      </div>
      <button
        type="button"
        className="button small"
        data-testid="resume-offer-dismiss"
        onClick={() => dismissOffer(runs.map((r) => r.id))}
      >
        Not now
      </button>
    </section>
  )
}
