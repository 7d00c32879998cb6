import type { BatchJobState, BatchWait, RunBatchJob, RunStatus } from '../../../../../shared/domain/runs'
import { formatCount } from '../../../components/format'

/** Jobs the run still waits on: not yet sent, out at the provider, or ended and being collected. */
const pendingStates: readonly BatchJobState[] = ['preparing', 'submitted', 'ended', 'cancelling']

/**
 * What the run waits for, rebuilt from its stored jobs: what the waiting line shows after a reload, before
 * the run's first progress event says it again.
 */
export function waitFromJobs(jobs: readonly RunBatchJob[]): BatchWait | null {
  const pending = jobs.filter((j) => pendingStates.includes(j.state))
  if (pending.length === 0) return null
  const earliest = (values: (string | null)[]) => values.filter((v) => v !== null).sort()[0] ?? null
  const polled = pending.map((j) => j.lastPolledAt).filter((v) => v !== null)
  return {
    jobs: pending.length,
    submittedAt: earliest(pending.map((j) => j.submittedAt)),
    done: pending.reduce((n, j) => n + j.succeeded + j.failed + j.expired, 0),
    total: pending.reduce((n, j) => n + j.requests, 0),
    lastPolledAt: polled.sort().at(-1) ?? null,
  }
}

const endedStatuses: readonly RunStatus[] = ['completed', 'cancelled', 'failed']

/**
 * The wait to show: the run's latest progress event says it while the run is live (null there means no job
 * is pending); after a reload, the stored jobs do. A finished run waits for nothing.
 */
export function currentWait(
  status: RunStatus,
  live: { batch: BatchWait | null } | null,
  jobs: readonly RunBatchJob[],
): BatchWait | null {
  if (endedStatuses.includes(status)) return null
  return live ? live.batch : waitFromJobs(jobs)
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' })

/** "14:02" in the user's locale today; with the date on another day. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  return at.toDateString() === now.toDateString() ? timeFormat.format(at) : dateTimeFormat.format(at)
}

/** "Waiting for the provider (batch submitted 14:02, 1,200 / 2,000 done)". */
export function waitText(wait: BatchWait, now?: Date): string {
  const when = wait.submittedAt
    ? `batch submitted ${clockTime(wait.submittedAt, now)}`
    : 'batch being prepared'
  const jobs = wait.jobs > 1 ? ` in ${wait.jobs} jobs` : ''
  return `Waiting for the provider (${when}${jobs}, ${formatCount(wait.done)} / ${formatCount(wait.total)} done)`
}

/** "last checked 14:07", or that the provider has not been asked yet. */
export function polledText(wait: BatchWait, now?: Date): string {
  return wait.lastPolledAt ? `last checked ${clockTime(wait.lastPolledAt, now)}` : 'not checked yet'
}
