import type { Db } from '../connection'

/**
 * What past runs say about a provider and a model, for the run estimate: latencies of recent answers and the
 * length of recent outputs. Only answered, uncached calls count (an error or a cache hit says nothing about
 * either). The runs table is small and indexed by creation time; results are reached through the runs that
 * named the provider (or the prompt version) in their plan, by run_id, which results are indexed by. So a
 * workspace with millions of results still answers from a few recent runs, with no new index to maintain.
 */
export interface HistoryLimits {
  /** How many of the most recent matching runs are read. */
  runs: number
  /** How many of their most recent results are read. */
  results: number
}

const runsNaming = (json: string, match: string) => `SELECT r.id FROM runs r
  WHERE EXISTS (SELECT 1 FROM json_each(r.plan, '${json}') e WHERE ${match})
  ORDER BY r.created_at DESC, r.rowid DESC LIMIT @runs`

const answered = `error_kind IS NULL AND cached = 0`
// A tool loop's row sums its steps: the estimate wants one call, so its figures are shared out over them.
const perCall = (column: string) => `${column} * 1.0 / COALESCE(NULLIF(json_array_length(steps), 0), 1)`

const byProvider = `json_extract(e.value, '$.provider') = @provider`
const byModel = `${byProvider} AND json_extract(e.value, '$.model') = @model`

/** The statements' text, exported so a test can check their query plans. */
export const resultHistorySql = {
  latencies: `SELECT ${perCall('total_ms')} AS totalMs FROM run_results
    WHERE run_id IN (${runsNaming('$.models', byProvider)})
      AND provider = @provider AND ${answered} AND total_ms IS NOT NULL
    ORDER BY created_at DESC, rowid DESC LIMIT @results`,
  outputsOfVersion: `SELECT COUNT(*) AS calls, AVG(tokens) AS mean FROM (
      SELECT ${perCall('output_tokens')} AS tokens FROM run_results
      WHERE run_id IN (${runsNaming('$.promptVersionIds', 'e.value = @versionId')})
        AND prompt_version_id = @versionId AND provider = @provider AND model_id = @model
        AND ${answered} AND output_tokens IS NOT NULL
      ORDER BY created_at DESC, rowid DESC LIMIT @results)`,
  outputsOfModel: `SELECT COUNT(*) AS calls, AVG(tokens) AS mean FROM (
      SELECT ${perCall('output_tokens')} AS tokens FROM run_results
      WHERE run_id IN (${runsNaming('$.models', byModel)})
        AND provider = @provider AND model_id = @model AND ${answered} AND output_tokens IS NOT NULL
      ORDER BY created_at DESC, rowid DESC LIMIT @results)`,
} as const

type Outputs = { calls: number; mean: number | null }

export function createResultHistoryRepo(db: Db) {
  const statements = {
    latencies: db.prepare<[{ provider: string } & HistoryLimits], { totalMs: number }>(
      resultHistorySql.latencies,
    ),
    outputsOfVersion: db.prepare<
      [{ versionId: string; provider: string; model: string } & HistoryLimits],
      Outputs
    >(resultHistorySql.outputsOfVersion),
    outputsOfModel: db.prepare<[{ provider: string; model: string } & HistoryLimits], Outputs>(
      resultHistorySql.outputsOfModel,
    ),
  }
  const outputs = (row: Outputs | undefined) =>
    row && row.mean !== null ? { calls: row.calls, meanTokens: row.mean } : { calls: 0, meanTokens: 0 }
  return {
    /** Durations (sent to last byte, ms) of the provider's recent answered calls, newest first (a loop's per step). */
    latencies: (provider: string, limits: HistoryLimits): number[] =>
      statements.latencies.all({ provider, ...limits }).map((r) => r.totalMs),
    /** Output tokens of recent answers to this prompt version on this model. */
    outputsOfVersion: (versionId: string, provider: string, model: string, limits: HistoryLimits) =>
      outputs(statements.outputsOfVersion.get({ versionId, provider, model, ...limits })),
    /** Output tokens of recent answers of this model, whatever the prompt. */
    outputsOfModel: (provider: string, model: string, limits: HistoryLimits) =>
      outputs(statements.outputsOfModel.get({ provider, model, ...limits })),
  }
}

export type ResultHistoryRepo = ReturnType<typeof createResultHistoryRepo>
