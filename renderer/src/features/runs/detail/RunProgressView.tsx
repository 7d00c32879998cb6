import type { Run } from '../../../../../shared/domain/runs'
import { formatCount, formatDuration } from '../../../components/format'
import { useLiveProgress } from '../../../queries/runs'
import { useRunBatches } from '../../../queries/batches'
import { currentWait } from './batch-wait'
import { BatchJobsList, BatchWaitLine } from './BatchWaitView'
import { spendText } from './spend'

/** Progress as it streams in: done of total, time left, calls per second, money spent and errors. */
export function RunProgressView({ run }: { run: Run }) {
  const live = useLiveProgress(run.id)
  const { done, total, errors, cached } = run.counts
  const spend = spendText(run)
  const running = run.status === 'running'
  const percent = total > 0 ? Math.min(100, (done / total) * 100) : 0
  const eta = running && live?.etaSeconds != null ? formatDuration(live.etaSeconds) : '—'
  const rate = running && live ? `${live.callsPerSecond.toFixed(1)} calls/s` : '—'
  const batchMode = run.plan.mode === 'batch'
  const { jobs } = useRunBatches(run.id, batchMode, live?.batch?.lastPolledAt ?? null)
  const wait = batchMode ? currentWait(run.status, live, jobs) : null

  return (
    <section className="run-progress-panel" aria-label="Progress">
      <div
        className="run-progress"
        data-testid="run-progress"
        role="progressbar"
        aria-label="Calls done"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} calls done`}
        data-status={run.status}
      >
        <span style={{ width: `${percent}%` }} />
      </div>
      <dl className="run-stats">
        <div>
          <dt>Done</dt>
          <dd data-testid="run-done">
            {formatCount(done)} / {formatCount(total)}
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd data-testid="run-eta">{eta}</dd>
        </div>
        <div>
          <dt>Rate</dt>
          <dd data-testid="run-rate">{rate}</dd>
        </div>
        <div>
          <dt>Spent</dt>
          <dd data-testid="run-spend" title={spend.note ?? undefined}>
            {spend.text}
          </dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd data-testid="run-errors" data-count={errors} className={errors > 0 ? 'has-errors' : undefined}>
            {formatCount(errors)}
          </dd>
        </div>
        <div>
          <dt>From cache</dt>
          <dd data-testid="run-cached">{formatCount(cached)}</dd>
        </div>
      </dl>
      {wait ? <BatchWaitLine wait={wait} /> : null}
      {jobs.length > 0 ? <BatchJobsList jobs={jobs} /> : null}
    </section>
  )
}
