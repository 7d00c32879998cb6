import {
  runBatchJobSchema,
  type BatchJobState,
  type BatchWait,
  type RunBatchJob,
} from '../../../../../shared/domain/runs'
import type { Db } from '../connection'

interface JobRow {
  id: string
  run_id: string
  provider: string
  remote_id: string | null
  input_file_id: string | null
  state: BatchJobState
  remote_status: string | null
  requests: number
  succeeded: number
  failed: number
  expired: number
  attempt: number
  created_at: string
  submitted_at: string | null
  ended_at: string | null
  last_polled_at: string | null
  message: string | null
}

/** A job as the lane works with it: the listed fields and the input file to clean up. */
export type StoredBatchJob = RunBatchJob & { inputFileId: string | null }

/** A new job, stored before it is sent. */
export interface NewBatchJob {
  id: string
  runId: string
  provider: string
  requests: number
  attempt: number
  createdAt: string
}

export interface PolledJob {
  state: BatchJobState
  remoteStatus: string
  succeeded: number
  failed: number
  expired: number
  endedAt: string | null
  lastPolledAt: string
  message: string | null
}

/** Jobs the lane still has to send, poll or collect. */
export const unfinishedStates: readonly BatchJobState[] = ['preparing', 'submitted', 'ended', 'cancelling']
const unfinishedSql = `state IN (${unfinishedStates.map((s) => `'${s}'`).join(', ')})`

export type BatchJobsRepo = ReturnType<typeof createBatchJobsRepo>

/** A batch-mode run's batch jobs (run_batch_jobs); their items are in batch-items.ts. */
export function createBatchJobsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO run_batch_jobs (id, run_id, provider, state, requests, attempt, created_at)
       VALUES (@id, @runId, @provider, 'preparing', @requests, @attempt, @createdAt)`,
    ),
    submitted: db.prepare(
      `UPDATE run_batch_jobs SET state = 'submitted', remote_id = @remoteId, input_file_id = @inputFileId,
         submitted_at = @submittedAt WHERE id = @id AND state = 'preparing'`,
    ),
    polled: db.prepare(
      `UPDATE run_batch_jobs SET state = @state, remote_status = @remoteStatus, succeeded = @succeeded,
         failed = @failed, expired = @expired, ended_at = @endedAt, last_polled_at = @lastPolledAt,
         message = COALESCE(@message, message) WHERE id = @id`,
    ),
    setState: db.prepare(
      'UPDATE run_batch_jobs SET state = @state, message = COALESCE(@message, message) WHERE id = @id',
    ),
    get: db.prepare<[string], JobRow>('SELECT * FROM run_batch_jobs WHERE id = ?'),
    ofRun: db.prepare<[string], JobRow>(
      'SELECT * FROM run_batch_jobs WHERE run_id = ? ORDER BY created_at, rowid',
    ),
    unfinished: db.prepare<[string, string], JobRow>(
      `SELECT * FROM run_batch_jobs WHERE run_id = ? AND provider = ? AND ${unfinishedSql} ORDER BY rowid`,
    ),
    runsWithUnfinished: db.prepare<[], { run_id: string }>(
      `SELECT DISTINCT run_id FROM run_batch_jobs WHERE ${unfinishedSql}`,
    ),
    wait: db.prepare<
      [string],
      {
        jobs: number
        submitted_at: string | null
        done: number | null
        total: number | null
        polled: string | null
      }
    >(
      `SELECT COUNT(*) AS jobs, MIN(submitted_at) AS submitted_at, SUM(succeeded + failed + expired) AS done,
         SUM(requests) AS total, MAX(last_polled_at) AS polled
       FROM run_batch_jobs WHERE run_id = ? AND ${unfinishedSql}`,
    ),
  }
  return {
    insert: (job: NewBatchJob): void => void statements.insert.run(job),
    /** The provider took the job: false when it was no longer 'preparing' (adopted or cancelled meanwhile). */
    setSubmitted: (id: string, remoteId: string, inputFileId: string | null, submittedAt: string): boolean =>
      statements.submitted.run({ id, remoteId, inputFileId, submittedAt }).changes > 0,
    setPolled: (id: string, polled: PolledJob): void => void statements.polled.run({ id, ...polled }),
    setState: (id: string, state: BatchJobState, message: string | null = null): void =>
      void statements.setState.run({ id, state, message }),
    get: (id: string): StoredBatchJob | null => {
      const row = statements.get.get(id)
      return row ? toJob(row) : null
    },
    /** Every job of a run, oldest first (runs.batches). */
    listOfRun: (runId: string): RunBatchJob[] => statements.ofRun.all(runId).map((r) => toListed(r)),
    unfinished: (runId: string, provider: string): StoredBatchJob[] =>
      statements.unfinished.all(runId, provider).map(toJob),
    /** Runs whose jobs are still out at a provider (or stored and not sent): a restart keeps polling them. */
    runsWithUnfinished: (): string[] => statements.runsWithUnfinished.all().map((r) => r.run_id),
    /** What the run waits for; null when no job is unfinished. */
    wait: (runId: string): BatchWait | null => {
      const row = statements.wait.get(runId)
      if (!row || row.jobs === 0) return null
      const { jobs, submitted_at, done, total, polled } = row
      return { jobs, submittedAt: submitted_at, done: done ?? 0, total: total ?? 0, lastPolledAt: polled }
    },
  }
}

function toListed(row: JobRow): RunBatchJob {
  return runBatchJobSchema.parse({
    id: row.id,
    runId: row.run_id,
    provider: row.provider,
    remoteId: row.remote_id,
    state: row.state,
    remoteStatus: row.remote_status,
    requests: row.requests,
    succeeded: row.succeeded,
    failed: row.failed,
    expired: row.expired,
    attempt: row.attempt,
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    endedAt: row.ended_at,
    lastPolledAt: row.last_polled_at,
    message: row.message,
  })
}

function toJob(row: JobRow): StoredBatchJob {
  return { ...toListed(row), inputFileId: row.input_file_id }
}
