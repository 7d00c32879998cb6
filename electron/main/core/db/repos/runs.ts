import { z } from 'zod'
import { canaryStateSchema, type CanaryState } from '../../../../../shared/domain/scoring'
import {
  modelPriceSchema,
  runCountsSchema,
  runFailureSchema,
  runPlanSchema,
  type Run,
  type RunFailure,
  type RunCounts,
  type RunStatus,
} from '../../../../../shared/domain/runs'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

interface RunRow {
  id: string
  name: string
  status: RunStatus
  plan: string
  dataset_snapshot_id: string
  price_table: string
  created_at: string
  started_at: string | null
  finished_at: string | null
  created_by: string
  counts: string
  canary: string | null
  failure: string | null
}

const columns =
  'id, name, status, plan, dataset_snapshot_id, price_table, created_at, started_at, finished_at, created_by, counts, canary, failure'
const priceTableSchema = z.array(modelPriceSchema)

export type RunsRepo = ReturnType<typeof createRunsRepo>

/** Run rows; their results and the response cache are in runs-results.ts. */
export function createRunsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO runs (${columns}) VALUES (@id, @name, @status, @plan, @datasetSnapshotId, @priceTable,
         @createdAt, @startedAt, @finishedAt, @createdBy, @counts, @canary, @failure)`,
    ),
    get: db.prepare<[string], RunRow>(`SELECT ${columns} FROM runs WHERE id = ?`),
    list: db.prepare<[], RunRow>(`SELECT ${columns} FROM runs ORDER BY created_at DESC, rowid DESC`),
    setStatus: db.prepare(
      `UPDATE runs SET status = @status,
         started_at = COALESCE(started_at, @startedAt),
         finished_at = @finishedAt,
         failure = @failure
       WHERE id = @id`,
    ),
    setCounts: db.prepare('UPDATE runs SET counts = ? WHERE id = ?'),
    setCanary: db.prepare('UPDATE runs SET canary = ? WHERE id = ?'),
    interruptRunning: db.prepare(
      "UPDATE runs SET status = 'interrupted', failure = NULL WHERE status = 'running'",
    ),
    namesForDataset: db.prepare<[string], { name: string }>(
      `SELECT r.name FROM runs r JOIN dataset_snapshots s ON s.id = r.dataset_snapshot_id
        WHERE s.dataset_id = ? AND s.complete = 1 ORDER BY r.created_at DESC`,
    ),
    unfinishedUsingProvider: db.prepare<[string], { name: string }>(
      `SELECT r.name FROM runs r
        WHERE r.status IN ('running', 'paused', 'interrupted')
          AND EXISTS (SELECT 1 FROM json_each(r.plan, '$.models') m WHERE m.value ->> '$.provider' = ?)
        ORDER BY r.created_at DESC`,
    ),
  }
  return {
    insert: (run: Run): void => {
      statements.insert.run({
        ...run,
        plan: JSON.stringify(run.plan),
        priceTable: JSON.stringify(run.priceTable),
        counts: JSON.stringify(run.counts),
        canary: run.canary ? JSON.stringify(run.canary) : null,
        failure: run.failure ? JSON.stringify(run.failure) : null,
      })
    },
    get: (id: string): Run | null => {
      const row = statements.get.get(id)
      return row ? toRun(row) : null
    },
    /** Newest first. */
    list: (): Run[] => statements.list.all().map(toRun),
    /**
     * `startedAt` is kept from the first start; `finishedAt` is set for final states and cleared otherwise;
     * `failure` says why a failed run failed and is cleared by any other status.
     */
    setStatus: (
      id: string,
      status: RunStatus,
      at: { startedAt?: string; finishedAt?: string; failure?: RunFailure },
    ): void => {
      statements.setStatus.run({
        id,
        status,
        startedAt: at.startedAt ?? null,
        finishedAt: at.finishedAt ?? null,
        failure: status === 'failed' && at.failure ? JSON.stringify(at.failure) : null,
      })
    },
    setCounts: (id: string, counts: RunCounts): void => {
      statements.setCounts.run(JSON.stringify(counts), id)
    },
    /** The canary's phase and the verdict on its sample; null for a plain run. */
    setCanary: (id: string, canary: CanaryState | null): void => {
      statements.setCanary.run(canary ? JSON.stringify(canary) : null, id)
    },
    /** At open: runs a crash left running can be resumed, not mistaken for live ones. */
    interruptRunning: (): number => statements.interruptRunning.run().changes,
    /** Runs whose results were produced on one of this dataset's snapshots, newest first. */
    namesForDataset: (datasetId: string): string[] =>
      statements.namesForDataset.all(datasetId).map((r) => r.name),
    /** Runs that may still call this provider (running, or paused/interrupted and resumable), newest first. */
    unfinishedUsingProvider: (provider: string): string[] =>
      statements.unfinishedUsingProvider.all(provider).map((r) => r.name),
  }
}

function toRun(row: RunRow): Run {
  const where = `run ${row.id}`
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    plan: parseJsonColumn(runPlanSchema, row.plan, where),
    datasetSnapshotId: row.dataset_snapshot_id,
    priceTable: parseJsonColumn(priceTableSchema, row.price_table, where),
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    createdBy: row.created_by,
    counts: parseJsonColumn(runCountsSchema, row.counts, where),
    canary: row.canary === null ? null : parseJsonColumn(canaryStateSchema, row.canary, where),
    failure: row.failure === null ? null : parseJsonColumn(runFailureSchema, row.failure, where),
  }
}
