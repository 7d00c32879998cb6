import { useEffect } from 'react'
import type { Run } from '../../../../../shared/domain/runs'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { formatAbsolute } from '../../../components/format'
import { useResults, useRuns, useSummary } from '../../../stores/hooks'
import { useControlState } from '../../../queries/runs'
import { selectResultsActions, selectSelectedAt } from '../../../stores/runs/selectors'
import { selectRunTab, selectSummaryActions } from '../../../stores/scoring/selectors'
import { StatusBadge } from '../StatusBadge'
import { ResultsPanel } from '../results/ResultsPanel'
import { SummaryPanel } from '../summary/SummaryPanel'
import { CanaryNotice } from './CanaryNotice'
import { ExportResults } from './ExportResults'
import { PlanSummary } from './PlanSummary'
import { RunControls } from './RunControls'
import { RunProgressView } from './RunProgressView'
import { RunTabs } from './RunTabs'

/** A key refusal says what to fix in its own message; any other failure needs the next step said here. */
const unexpectedFailureStep =
  'Completed results are kept: press Resume to call only what is missing. If it fails the same way, report it with this message.'

/** One run: status and controls, live progress, what it runs, then its results or its scored summary. */
export function RunDetail({ run }: { run: Run }) {
  const control = useControlState(useRuns(selectSelectedAt))
  const tab = useSummary(selectRunTab)
  const { setTab } = useSummary(selectSummaryActions)
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
        <ExportResults run={run} />
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
      {run.status === 'failed' && run.failure ? (
        <p
          className="banner warn run-failure"
          role="alert"
          data-testid="run-failure"
          data-kind={run.failure.kind}
        >
          <strong>The run failed:</strong> {run.failure.message}
          {run.failure.kind === 'error' ? ` ${unexpectedFailureStep}` : null}
        </p>
      ) : null}
      {run.canary ? <CanaryNotice canary={run.canary} /> : null}
      <RunProgressView run={run} />
      <PlanSummary plan={run.plan} />
      <RunTabs tab={tab} onSelect={setTab} />
      {tab === 'results' ? (
        <ResultsPanel runId={run.id} plan={run.plan} />
      ) : (
        <SummaryPanel
          runId={run.id}
          snapshotId={run.datasetSnapshotId}
          scorable={run.status !== 'running' && run.status !== 'planned'}
        />
      )}
    </article>
  )
}
