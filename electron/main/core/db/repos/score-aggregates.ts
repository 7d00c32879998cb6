import type { SliceKey } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'

/**
 * Scores of a run summed up per slice × metric × scorer fingerprint (and per case tag): the count of values,
 * how many pass (value ≥ 1) and the first two moments, from which a summary derives a pass rate with its
 * Wilson interval or a mean with its t interval. Read from run_score_totals, which triggers keep as scores
 * are written, replaced and deleted (migration 0013): the cost does not follow the run's size.
 */

export interface ScoreMoments {
  /** Scores with a value (an unscorable output has none). */
  n: number
  passes: number
  sum: number
  sumOfSquares: number
}

export interface MetricMoments extends SliceKey, ScoreMoments {
  metric: string
  scorerHash: string
}

export interface TagMetricMoments extends MetricMoments {
  tag: string
}

type Row = {
  prompt_version_id: string
  provider: string
  model_id: string
  metric: string
  scorer_hash: string
  n: number
  passes: number
  total: number
  squares: number
}

const columns = `prompt_version_id, provider, model_id, metric, scorer_hash, n, passes, total, squares`
const current = `run_id = @runId AND scorer_hash IN (SELECT value FROM json_each(@hashes))`

const toMoments = (r: Row): MetricMoments => ({
  promptVersionId: r.prompt_version_id,
  provider: r.provider,
  modelId: r.model_id,
  metric: r.metric,
  scorerHash: r.scorer_hash,
  n: r.n,
  passes: r.passes,
  sum: r.total,
  sumOfSquares: r.squares,
})

export type ScoreAggregatesRepo = ReturnType<typeof createScoreAggregatesRepo>

export function createScoreAggregatesRepo(db: Db) {
  const statements = {
    bySlice: db.prepare<[{ runId: string; hashes: string }], Row>(
      `SELECT ${columns} FROM run_score_totals WHERE ${current} AND tag = ''`,
    ),
    byTag: db.prepare<[{ runId: string; hashes: string }], Row & { tag: string }>(
      `SELECT ${columns}, tag FROM run_score_totals WHERE ${current} AND tag <> ''`,
    ),
  }
  return {
    /** Per slice × metric × fingerprint, only the fingerprints given (a suite's current scorers). */
    bySlice: (runId: string, scorerHashes: readonly string[]): MetricMoments[] =>
      statements.bySlice.all({ runId, hashes: JSON.stringify(scorerHashes) }).map(toMoments),
    /** The same per tag of the cases (in the run's dataset snapshot). */
    byTag: (runId: string, scorerHashes: readonly string[]): TagMetricMoments[] =>
      statements.byTag
        .all({ runId, hashes: JSON.stringify(scorerHashes) })
        .map((r) => ({ ...toMoments(r), tag: r.tag })),
  }
}
