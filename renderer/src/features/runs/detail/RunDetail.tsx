import { useEffect } from 'react'
import type { Run } from '../../../../../shared/domain/runs'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { formatAbsolute } from '../../../components/format'
import { useResults, useRuns } from '../../../stores/hooks'
import { selectResultsActions, selectRunControl } from '../../../stores/runs/selectors'
import { StatusBadge } from '../StatusBadge'
import { ResultsPanel } from '../results/ResultsPanel'
import { PlanSummary } from './PlanSummary'
import { RunControls } from './RunControls'
import { RunProgressView } from './RunProgressView'

/** One run: status and controls, live progress, what it runs, and its results. */
export function RunDetail({ run }: { run: Run }) {
  const control = useRuns(selectRunControl)
  const { open } = useResults(selectResultsActions)
  useEffect(() => {
    open(run.id)
  }, [open, run.id])

  return (
    <article className="run-detail" data-testid="run-detail" data-run-id={run.id}>
      <header className="run-head">
        <div className="run-title">
          <h2 data-testid="run-name">{run.name}</h2>
          <StatusBadge status={run.status} testId="run-status" />
        </div>
        <RunControls run={run} />
      </header>
      {control.status === 'error' && control.error && control.runId === run.id ? (
        <ErrorNotice
          title={`Could not ${control.action ?? 'change'} this run`}
          error={control.error}
          testId="run-control-error"
        />
      ) : null}
      <p className="run-when muted">
        Created {formatAbsolute(run.createdAt)} by {run.createdBy}
        {run.finishedAt ? ` · finished ${formatAbsolute(run.finishedAt)}` : ''}
      </p>
      <RunProgressView run={run} />
      <PlanSummary run={run} />
      <ResultsPanel runId={run.id} plan={run.plan} />
    </article>
  )
}
