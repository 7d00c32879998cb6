import type { BatchWait, RunBatchJob } from '../../../../../shared/domain/runs'
import { formatAbsolute, formatCount } from '../../../components/format'
import { polledText, waitText } from './batch-wait'

/** The waiting line of a batch-mode run: what it waits for, and when the provider was last asked. */
export function BatchWaitLine({ wait }: { wait: BatchWait }) {
  return (
    <p className="batch-wait banner" role="status" data-testid="batch-wait">
      <span data-testid="batch-wait-text">{waitText(wait)}</span>
      {' · '}
      <span
        className="muted"
        data-testid="batch-wait-polled"
        title={wait.lastPolledAt ? formatAbsolute(wait.lastPolledAt) : undefined}
      >
        {polledText(wait)}
      </span>
    </p>
  )
}

/** Every batch job of the run: the provider's id and state, its counts, which attempt, and why it failed. */
export function BatchJobsList({ jobs }: { jobs: readonly RunBatchJob[] }) {
  return (
    <table className="batch-jobs" data-testid="batch-jobs" aria-label="Batch jobs">
      <thead>
        <tr>
          <th scope="col">Provider</th>
          <th scope="col">Provider&apos;s id</th>
          <th scope="col">State</th>
          <th scope="col">Done</th>
          <th scope="col">Failed · expired</th>
          <th scope="col">Attempt</th>
          <th scope="col">Message</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid="batch-job" data-state={job.state} data-provider={job.provider}>
            <td>{job.provider}</td>
            <td className="mono">{job.remoteId ?? 'not sent yet'}</td>
            <td title={job.remoteStatus ? `The provider says: ${job.remoteStatus}` : undefined}>
              {job.state}
              {job.remoteStatus ? <span className="muted"> ({job.remoteStatus})</span> : null}
            </td>
            <td>
              {formatCount(job.succeeded)} / {formatCount(job.requests)}
            </td>
            <td>
              {formatCount(job.failed)} · {formatCount(job.expired)}
            </td>
            <td>{job.attempt}</td>
            <td>{job.message ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
