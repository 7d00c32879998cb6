import type { ResultKey } from '../../../../../shared/lib/model-identity'
import type { Db } from '../connection'
import { unfinishedStates } from './batch-jobs'

export const batchItemStates = ['pending', 'answered', 'failed', 'expired', 'retried', 'cancelled'] as const
export type BatchItemState = (typeof batchItemStates)[number]

/** One request of a batch job: the result key it produces and how far it got. */
export interface BatchItem extends ResultKey {
  jobId: string
  customId: string
  requestHash: string | null
  attempt: number
  state: BatchItemState
}

interface ItemRow {
  job_id: string
  custom_id: string
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  request_hash: string | null
  attempt: number
  state: BatchItemState
}

const unfinishedSql = `j.state IN (${unfinishedStates.map((s) => `'${s}'`).join(', ')})`

export type BatchItemsRepo = ReturnType<typeof createBatchItemsRepo>

/** The items of batch jobs (run_batch_items). */
export function createBatchItemsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO run_batch_items (job_id, custom_id, case_id, prompt_version_id, provider, model_id, repeat,
         request_hash, attempt, state)
       VALUES (@jobId, @customId, @caseId, @promptVersionId, @provider, @modelId, @repeat, @requestHash,
         @attempt, 'pending')`,
    ),
    setState: db.prepare(
      'UPDATE run_batch_items SET state = @state WHERE job_id = @jobId AND custom_id = @customId',
    ),
    ofJob: db.prepare<[string], ItemRow>('SELECT * FROM run_batch_items WHERE job_id = ? ORDER BY rowid'),
    pendingOfRun: db.prepare<[string, string], ItemRow>(
      `SELECT i.* FROM run_batch_items i JOIN run_batch_jobs j ON j.id = i.job_id
        WHERE j.run_id = ? AND j.provider = ? AND i.state = 'pending' AND ${unfinishedSql}`,
    ),
  }
  return {
    insert: (item: Omit<BatchItem, 'state'>): void => void statements.insert.run(item),
    setState: (jobId: string, customId: string, state: BatchItemState): void =>
      void statements.setState.run({ jobId, customId, state }),
    ofJob: (jobId: string): BatchItem[] => statements.ofJob.all(jobId).map(toItem),
    /** Items a job still out (or not yet sent) will answer: they are not sent again meanwhile. */
    pendingOfRun: (runId: string, provider: string): BatchItem[] =>
      statements.pendingOfRun.all(runId, provider).map(toItem),
  }
}

function toItem(row: ItemRow): BatchItem {
  return {
    jobId: row.job_id,
    customId: row.custom_id,
    caseId: row.case_id,
    promptVersionId: row.prompt_version_id,
    provider: row.provider,
    modelId: row.model_id,
    repeat: row.repeat,
    requestHash: row.request_hash,
    attempt: row.attempt,
    state: row.state,
  }
}
