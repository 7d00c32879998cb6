import type { Db } from '../connection'

/** One row of run_score_totals: a slice × metric × scorer fingerprint × case tag ('' is the whole slice). */
export interface ScoreTotalKey {
  runId: string
  promptVersionId: string
  provider: string
  modelId: string
  metric: string
  scorerHash: string
  tag: string
}

export interface ScoreTotal extends ScoreTotalKey {
  n: number
  passes: number
  total: number
  squares: number
}

type Sums = Pick<ScoreTotal, 'n' | 'passes' | 'total' | 'squares'>

const keySql = `run_id = @runId AND prompt_version_id = @promptVersionId AND provider = @provider
  AND model_id = @modelId AND metric = @metric AND scorer_hash = @scorerHash AND tag = @tag`

export type ScoreTotalsRepo = ReturnType<typeof createScoreTotalsRepo>

/**
 * The totals a bulk score writer keeps itself (see 0013_run_totals.sql): while it holds a run, the insert
 * trigger leaves that run's new scores to it. Hold and release within one write transaction.
 */
export function createScoreTotalsRepo(db: Db) {
  const statements = {
    hold: db.prepare<[string]>(`INSERT INTO run_score_totals_writers (run_id) VALUES (?)`),
    release: db.prepare<[string]>(`DELETE FROM run_score_totals_writers WHERE run_id = ?`),
    get: db.prepare<[ScoreTotalKey], Sums>(
      `SELECT n, passes, total, squares FROM run_score_totals WHERE ${keySql}`,
    ),
    put: db.prepare<[ScoreTotal]>(
      `INSERT INTO run_score_totals
         (run_id, prompt_version_id, provider, model_id, metric, scorer_hash, tag, n, passes, total, squares)
       VALUES (@runId, @promptVersionId, @provider, @modelId, @metric, @scorerHash, @tag, @n, @passes, @total, @squares)
       ON CONFLICT DO UPDATE SET n = excluded.n, passes = excluded.passes, total = excluded.total,
         squares = excluded.squares`,
    ),
  }
  return {
    hold: (runId: string): void => {
      statements.hold.run(runId)
    },
    release: (runId: string): void => {
      statements.release.run(runId)
    },
    /** The stored sums of one total; zeros when it has none yet (as the trigger's first upsert starts). */
    get: (key: ScoreTotalKey): Sums => statements.get.get(key) ?? { n: 0, passes: 0, total: 0, squares: 0 },
    /** Writes a total's new sums in place of the stored ones. */
    put: (total: ScoreTotal): void => {
      statements.put.run(total)
    },
  }
}
