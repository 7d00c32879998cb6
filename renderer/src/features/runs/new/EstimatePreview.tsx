import { ErrorNotice } from '../../../components/ErrorNotice'
import { useNewRun } from '../../../stores/hooks'
import { selectEstimate, selectEstimateLoad, selectNewRunForm } from '../../../stores/runs/selectors'
import { describeOutputBasis, describeTimeBasis } from './estimate-basis'
import { costText, timeText, unknownCostNote } from './mode-text'

/** Calls, tokens, cost and time for the plan as it stands; asked for again a moment after each change. */
export function EstimatePreview({ problems }: { problems: readonly string[] }) {
  const estimate = useNewRun(selectEstimate)
  const { mode } = useNewRun(selectNewRunForm)
  const load = useNewRun(selectEstimateLoad)
  const pending = load.status === 'loading'
  return (
    <section
      className="estimate"
      data-testid="new-run-estimate"
      data-state={problems.length > 0 ? 'incomplete' : load.status}
      aria-label="Estimate"
      aria-live="polite"
      aria-busy={pending}
    >
      <h3>Estimate {pending ? <span className="muted">· updating…</span> : null}</h3>
      {problems.length > 0 ? (
        <ul className="estimate-problems" data-testid="new-run-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {load.error ? (
        <ErrorNotice title="Could not estimate this run" error={load.error} testId="estimate-error" />
      ) : null}
      {estimate && problems.length === 0 ? (
        <dl className={`estimate-facts${pending ? ' stale' : ''}`}>
          <div>
            <dt>Calls</dt>
            <dd data-testid="estimate-calls">{estimate.calls.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Input tokens (approx.)</dt>
            <dd data-testid="estimate-tokens">{estimate.estimatedInputTokens.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd
              data-testid="estimate-cost"
              title={
                estimate.estimatedCostUsd === null
                  ? unknownCostNote
                  : `At ${mode === 'batch' ? 'batch' : 'list'} prices. ${describeOutputBasis(estimate.outputTokensBasis)}`
              }
            >
              {costText(estimate.estimatedCostUsd)}
            </dd>
          </div>
          <div>
            <dt>Expected time</dt>
            <dd data-testid="estimate-time">{timeText(mode, estimate)}</dd>
          </div>
        </dl>
      ) : null}
      {estimate && problems.length === 0 ? (
        <p className="muted estimate-note" data-testid="estimate-basis">
          Time {describeTimeBasis(estimate.timeBasis)}. {describeOutputBasis(estimate.outputTokensBasis)}
        </p>
      ) : null}
      {estimate && problems.length === 0 ? (
        <p className="muted estimate-note">
          On snapshot {estimate.datasetSnapshot.number} of the dataset (
          {estimate.datasetSnapshot.caseCount.toLocaleString()} cases).
        </p>
      ) : null}
    </section>
  )
}
