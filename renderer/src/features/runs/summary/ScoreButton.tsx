import { useEffect, useState } from 'react'
import { useScoreRun, useScoringState } from '../../../queries/summary'

/**
 * "Score outputs": runs.score on the stored outputs. Scoring is one awaited call (judges may take a while),
 * so the button shows a spinner and the time so far; the screen stays usable meanwhile.
 */
export function ScoreButton({
  runId,
  scorable,
  scored,
}: {
  runId: string
  scorable: boolean
  scored: boolean
}) {
  const { busy } = useScoringState(runId)
  const score = useScoreRun(runId)
  return (
    <div className="toolbar summary-toolbar">
      <button
        type="button"
        className="button primary"
        data-testid="score-run"
        data-busy={busy ? 'true' : undefined}
        disabled={busy || !scorable}
        title={scorable ? undefined : 'Wait until the run has stopped calling the model'}
        onClick={() => score.mutate({ runId })}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy ? 'Scoring…' : scored ? 'Score again' : 'Score outputs'}
      </button>
      {busy ? (
        <span className="muted" role="status" data-testid="score-run-status">
          Scoring for <ElapsedSeconds /> s: format checks and rules run at once, judges call their providers.
          You can keep working meanwhile.
        </span>
      ) : (
        <span className="muted">
          Uses the stored outputs; only unchanged scorers’ scores are reused, the model is never called again.
        </span>
      )}
    </div>
  )
}

/** Whole seconds since it was mounted (it is shown only while scoring), ticking once a second. */
function ElapsedSeconds() {
  const [seconds, setSeconds] = useState(0)
  useEffect(() => {
    const started = Date.now()
    const timer = setInterval(() => setSeconds(Math.round((Date.now() - started) / 1000)), 1000)
    return () => clearInterval(timer)
  }, [])
  return <span data-testid="score-run-seconds">{seconds}</span>
}
