import { memo } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { errorOf, useRunSummary, useScoringState } from '../../../queries/summary'
import { ScoreButton } from './ScoreButton'
import { SliceCard } from './SliceCard'

interface Props {
  runId: string
  snapshotId: string
  /** False while the run still calls the model: its outputs are not all there yet. */
  scorable: boolean
}

/**
 * The run scored by its prompts' eval suites: per slice (version × model) each metric with its 95 % interval,
 * segments, cost and latency, and the baseline and gate actions. Memoised on plain props, so progress events
 * do not re-render it.
 */
export const SummaryPanel = memo(function SummaryPanel({ runId, snapshotId, scorable }: Props) {
  const query = useRunSummary(runId)
  const scoring = useScoringState(runId)
  const loadError = errorOf(query.error)
  const mine = query.data ?? null
  const scored = mine?.slices.some((s) => s.metrics.some((m) => m.n > 0)) ?? false
  return (
    <section className="summary-panel" role="tabpanel" aria-labelledby="run-tab-summary">
      <ScoreButton runId={runId} scorable={scorable} scored={scored} />
      {scoring.error ? (
        <ErrorNotice title="Could not score the outputs" error={scoring.error} testId="score-run-error" />
      ) : null}
      {loadError ? (
        <ErrorNotice title="Could not load the summary" error={loadError} testId="summary-error" />
      ) : null}
      {!mine && query.isFetching ? <p className="muted">Loading the summary…</p> : null}
      {mine ? (
        <div
          className="run-summary"
          data-testid="run-summary"
          data-scored={scored ? 'true' : 'false'}
          data-suite-version={mine.suiteVersion}
        >
          {!scored ? (
            <p className="muted" data-testid="summary-unscored">
              Not scored yet: “Score outputs” runs the eval suite on the stored outputs (the model is not
              called again).
            </p>
          ) : null}
          {mine.slices.map((slice) => (
            <SliceCard
              key={`${slice.promptVersionId}|${slice.provider}|${slice.modelId}`}
              runId={runId}
              snapshotId={snapshotId}
              slice={slice}
            />
          ))}
        </div>
      ) : null}
    </section>
  )
})
