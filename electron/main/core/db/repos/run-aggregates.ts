import type { SliceKey } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'

/**
 * A run's results summed up per slice (version × provider/model) and per case tag: what a run summary, the
 * compare charts and a prompt's trend show. Counts and costs come from run_result_totals, which triggers keep
 * as results are written (migration 0013); latencies from the sorted partial index run_results_by_latency.
 * None of these reads the result rows themselves.
 */

/** Answered calls that went to the model: failed calls have no meaningful latency, cache hits took none. */
const answered = 'error_kind IS NULL AND cached = 0 AND total_ms IS NOT NULL'
const inSlice = `run_id = @runId AND prompt_version_id = @promptVersionId AND provider = @provider
  AND model_id = @modelId`

export interface SliceCounts extends SliceKey {
  /** The slice's first result in write order: slices the plan does not name are listed in this order. */
  firstRow: number
  results: number
  errors: number
  /** Results with a known cost, and the sum of those costs (0 when none is known). */
  priced: number
  costUsd: number
}

export interface TagCounts extends SliceKey {
  tag: string
  results: number
  priced: number
  costUsd: number
}

export interface LatencyExtent extends SliceKey {
  /** Answered calls with a latency. */
  n: number
  maxMs: number
}

interface SliceRow {
  prompt_version_id: string
  provider: string
  model_id: string
}

const sliceOfRow = (r: SliceRow): SliceKey => ({
  promptVersionId: r.prompt_version_id,
  provider: r.provider,
  modelId: r.model_id,
})

const sliceParams = (runId: string, s: SliceKey) => ({
  runId,
  promptVersionId: s.promptVersionId,
  provider: s.provider,
  modelId: s.modelId,
})

type CountsRow = SliceRow & {
  first_row: number
  results: number
  errors: number
  priced: number
  cost: number
}
type TagRow = SliceRow & { tag: string; results: number; priced: number; cost: number }
type ExtentRow = SliceRow & { n: number; max_ms: number }

export type RunAggregatesRepo = ReturnType<typeof createRunAggregatesRepo>

export function createRunAggregatesRepo(db: Db) {
  const statements = {
    counts: db.prepare<[{ runId: string }], CountsRow>(
      `SELECT prompt_version_id, provider, model_id, first_row, results, errors, priced, cost
         FROM run_result_totals WHERE run_id = @runId AND tag = ''`,
    ),
    tags: db.prepare<[{ runId: string }], TagRow>(
      `SELECT prompt_version_id, provider, model_id, tag, results, priced, cost
         FROM run_result_totals WHERE run_id = @runId AND tag <> ''`,
    ),
    extents: db.prepare<[{ runId: string }], ExtentRow>(
      `SELECT prompt_version_id, provider, model_id, timed AS n, COALESCE(max_ms, 0) AS max_ms
         FROM run_result_totals WHERE run_id = @runId AND tag = ''`,
    ),
    judgeCosts: db.prepare<[{ runId: string }], SliceRow & { calls: number; cost: number }>(
      `SELECT prompt_version_id, provider, model_id, calls, cost FROM run_judge_totals WHERE run_id = @runId`,
    ),
    // Two neighbours in latency order: a percentile interpolates between them.
    latencyAt: db.prepare<[ReturnType<typeof sliceParams> & { offset: number }], { total_ms: number }>(
      `SELECT total_ms FROM run_results WHERE ${inSlice} AND ${answered}
        ORDER BY total_ms LIMIT 2 OFFSET @offset`,
    ),
    histogram: db.prepare<
      [ReturnType<typeof sliceParams> & { binMs: number; lastBin: number }],
      { bin: number; n: number }
    >(
      // total_ms ≥ 0, so CAST truncation is the floor; the slowest calls fall in the last bin.
      `SELECT MIN(CAST(total_ms / @binMs AS INTEGER), @lastBin) AS bin, COUNT(*) AS n
         FROM run_results WHERE ${inSlice} AND ${answered} GROUP BY bin`,
    ),
    // Answers that came back through a Batch API: no latency of their own (total_ms is NULL), so they are left
    // out of every percentile and counted here for the screens to say so.
    batchAnswers: db.prepare<[{ runId: string }], SliceRow & { n: number }>(
      `SELECT prompt_version_id, provider, model_id, COUNT(*) AS n FROM run_results
         WHERE run_id = @runId AND batch = 1 AND error_kind IS NULL GROUP BY prompt_version_id, provider, model_id`,
    ),
    hasResults: db.prepare<[ReturnType<typeof sliceParams>], { results: number }>(
      `SELECT results FROM run_result_totals WHERE ${inSlice} AND tag = ''`,
    ),
  }
  return {
    /** Results, errors and known costs per slice of the run. */
    counts: (runId: string): SliceCounts[] =>
      statements.counts.all({ runId }).map((r) => ({
        ...sliceOfRow(r),
        firstRow: r.first_row,
        results: r.results,
        errors: r.errors,
        priced: r.priced,
        costUsd: r.cost,
      })),
    /** The same per tag of the cases (in the run's dataset snapshot); a tag no result's case carries is absent. */
    tagCounts: (runId: string): TagCounts[] =>
      statements.tags.all({ runId }).map((r) => ({
        ...sliceOfRow(r),
        tag: r.tag,
        results: r.results,
        priced: r.priced,
        costUsd: r.cost,
      })),
    /** How many answered calls per slice have a latency, and the slowest. */
    latencyExtents: (runId: string): LatencyExtent[] =>
      statements.extents.all({ runId }).map((r) => ({ ...sliceOfRow(r), n: r.n, maxMs: r.max_ms })),
    /** Judge spend per slice (every judge call, whichever scorer version made it). */
    judgeCosts: (runId: string): (SliceKey & { calls: number; costUsd: number })[] =>
      statements.judgeCosts
        .all({ runId })
        .map((r) => ({ ...sliceOfRow(r), calls: r.calls, costUsd: r.cost })),
    /** The answered latencies at sorted positions `offset` and `offset + 1` (fewer past the end). */
    latenciesAt: (runId: string, slice: SliceKey, offset: number): number[] =>
      statements.latencyAt.all({ ...sliceParams(runId, slice), offset }).map((r) => r.total_ms),
    /** Answered calls per latency bin of `binMs` (bins 0..lastBin, the last open-ended); empty bins are 0. */
    latencyHistogram: (runId: string, slice: SliceKey, binMs: number, lastBin: number): number[] => {
      const counts = new Array<number>(lastBin + 1).fill(0)
      for (const r of statements.histogram.all({ ...sliceParams(runId, slice), binMs, lastBin }))
        counts[r.bin] = r.n
      return counts
    },
    /** Per slice, the answers that came through a Batch API (they have no latency); slices with none are absent. */
    batchAnswers: (runId: string): (SliceKey & { n: number })[] =>
      statements.batchAnswers.all({ runId }).map((r) => ({ ...sliceOfRow(r), n: r.n })),
    hasResults: (runId: string, slice: SliceKey): boolean =>
      (statements.hasResults.get(sliceParams(runId, slice))?.results ?? 0) > 0,
  }
}
