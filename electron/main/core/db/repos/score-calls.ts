import type { Db } from '../connection'
import type { ResultKey } from '../../../../../shared/lib/model-identity'

/** One judge call, recorded like an eval call: what was sent, what came back, what it cost. */
export interface ScoreCall extends ResultKey {
  runId: string
  metric: string
  scorerHash: string
  sample: number
  judgeProvider: string
  judgeModel: string
  request: unknown
  responseText: string | null
  inputTokens: number | null
  outputTokens: number | null
  costUsd: number | null
  totalMs: number | null
  attempts: number
  errorMessage: string | null
  createdAt: string
}

/** Judge spend on one slice (version × provider/model) of the run. */
export interface JudgeCost {
  promptVersionId: string
  provider: string
  modelId: string
  calls: number
  costUsd: number
}

interface CallRow {
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  metric: string
  sample: number
  judge_provider: string
  judge_model: string
  response_text: string | null
  input_tokens: number | null
  output_tokens: number | null
  cost_usd: number | null
  total_ms: number | null
  attempts: number
  error_message: string | null
}

export type ScoreCallsRepo = ReturnType<typeof createScoreCallsRepo>

export function createScoreCallsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO score_calls (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash,
         sample, judge_provider, judge_model, request, response_text, input_tokens, output_tokens, cost_usd, total_ms,
         attempts, error_message, created_at)
       VALUES (@runId, @caseId, @promptVersionId, @provider, @modelId, @repeat, @metric, @scorerHash, @sample,
         @judgeProvider, @judgeModel, @request, @responseText, @inputTokens, @outputTokens, @costUsd, @totalMs,
         @attempts, @errorMessage, @createdAt)`,
    ),
    costs: db.prepare<
      [string],
      { prompt_version_id: string; provider: string; model_id: string; calls: number; cost: number }
    >(
      `SELECT prompt_version_id, provider, model_id, COUNT(*) AS calls, COALESCE(SUM(cost_usd), 0) AS cost
         FROM score_calls WHERE run_id = ? GROUP BY prompt_version_id, provider, model_id`,
    ),
    forRun: db.prepare<[string], CallRow>(
      `SELECT case_id, prompt_version_id, provider, model_id, repeat, metric, sample, judge_provider, judge_model,
         response_text, input_tokens, output_tokens, cost_usd, total_ms, attempts, error_message
         FROM score_calls WHERE run_id = ? ORDER BY id`,
    ),
  }
  return {
    insert: (c: ScoreCall): void => {
      statements.insert.run({ ...c, request: JSON.stringify(c.request) })
    },
    /** Judge spend per slice of the run (every call, whichever scorer version made it: money spent is spent). */
    costs: (runId: string): JudgeCost[] =>
      statements.costs.all(runId).map((r) => ({
        promptVersionId: r.prompt_version_id,
        provider: r.provider,
        modelId: r.model_id,
        calls: r.calls,
        costUsd: r.cost,
      })),
    /** The calls of a run, oldest first, without the stored request (for checks and listings). */
    list: (runId: string) =>
      statements.forRun.all(runId).map((r) => ({
        caseId: r.case_id,
        promptVersionId: r.prompt_version_id,
        provider: r.provider,
        modelId: r.model_id,
        repeat: r.repeat,
        metric: r.metric,
        sample: r.sample,
        judgeProvider: r.judge_provider,
        judgeModel: r.judge_model,
        responseText: r.response_text,
        inputTokens: r.input_tokens,
        outputTokens: r.output_tokens,
        costUsd: r.cost_usd,
        totalMs: r.total_ms,
        attempts: r.attempts,
        errorMessage: r.error_message,
      })),
  }
}
