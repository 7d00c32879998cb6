import type { CompareSlice } from '../../../../../shared/domain/compare'
import type { PairwiseOrder, PairwiseStatus, PairwiseVerdict } from '../../../../../shared/domain/pairwise'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import type { Db } from '../connection'

/** What identifies a comparison: starting the same one again resumes it. */
export interface PairwiseKey {
  a: CompareSlice
  b: CompareSlice
  rubricId: string
  criterionKey: string
  judge: ModelRef
}

export interface PairwiseRow extends PairwiseKey {
  id: string
  status: PairwiseStatus
  error: string | null
  createdAt: string
  createdBy: string
  updatedAt: string
}

/** One judge call of one case in one order, as stored. */
export interface PairwiseJudgmentRow {
  comparisonId: string
  caseId: string
  order: PairwiseOrder
  verdict: PairwiseVerdict | null
  reason: string
  request: unknown
  responseText: string | null
  inputTokens: number | null
  outputTokens: number | null
  costUsd: number | null
  totalMs: number | null
  attempts: number
  error: string | null
  createdAt: string
}

/** The columns summaries and case pages need (not the request or the answer text). */
export type PairwiseJudgmentFacts = Pick<
  PairwiseJudgmentRow,
  'caseId' | 'order' | 'verdict' | 'reason' | 'error' | 'costUsd'
> & { answered: boolean }

interface ComparisonRecord {
  id: string
  a_run_id: string
  a_prompt_version_id: string
  a_provider: string
  a_model_id: string
  b_run_id: string
  b_prompt_version_id: string
  b_provider: string
  b_model_id: string
  rubric_id: string
  criterion_key: string
  judge_provider: string
  judge_model: string
  status: PairwiseStatus
  error_message: string | null
  created_at: string
  created_by: string
  updated_at: string
}

interface FactsRecord {
  case_id: string
  position_order: PairwiseOrder
  verdict: PairwiseVerdict | null
  reason: string
  error_message: string | null
  cost_usd: number | null
  answered: number
}

const keyParams = (k: PairwiseKey) => ({
  aRunId: k.a.runId,
  aPromptVersionId: k.a.promptVersionId,
  aProvider: k.a.provider,
  aModelId: k.a.modelId,
  bRunId: k.b.runId,
  bPromptVersionId: k.b.promptVersionId,
  bProvider: k.b.provider,
  bModelId: k.b.modelId,
  rubricId: k.rubricId,
  criterionKey: k.criterionKey,
  judgeProvider: k.judge.provider,
  judgeModel: k.judge.model,
})

const sliceParams = (prefix: 'a' | 'b', s: CompareSlice) => ({
  [`${prefix}RunId`]: s.runId,
  [`${prefix}PromptVersionId`]: s.promptVersionId,
  [`${prefix}Provider`]: s.provider,
  [`${prefix}ModelId`]: s.modelId,
})

const toRow = (r: ComparisonRecord): PairwiseRow => ({
  id: r.id,
  a: {
    runId: r.a_run_id,
    promptVersionId: r.a_prompt_version_id,
    provider: r.a_provider,
    modelId: r.a_model_id,
  },
  b: {
    runId: r.b_run_id,
    promptVersionId: r.b_prompt_version_id,
    provider: r.b_provider,
    modelId: r.b_model_id,
  },
  rubricId: r.rubric_id,
  criterionKey: r.criterion_key,
  judge: { provider: r.judge_provider, model: r.judge_model },
  status: r.status,
  error: r.error_message,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
})

const keyMatch = `a_run_id = @aRunId AND a_prompt_version_id = @aPromptVersionId AND a_provider = @aProvider
  AND a_model_id = @aModelId AND b_run_id = @bRunId AND b_prompt_version_id = @bPromptVersionId
  AND b_provider = @bProvider AND b_model_id = @bModelId`

const swappedMatch = `a_run_id = @bRunId AND a_prompt_version_id = @bPromptVersionId AND a_provider = @bProvider
  AND a_model_id = @bModelId AND b_run_id = @aRunId AND b_prompt_version_id = @aPromptVersionId
  AND b_provider = @aProvider AND b_model_id = @aModelId`

export type PairwiseRepo = ReturnType<typeof createPairwiseRepo>

export function createPairwiseRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO pairwise_comparisons (id, a_run_id, a_prompt_version_id, a_provider, a_model_id, b_run_id,
         b_prompt_version_id, b_provider, b_model_id, rubric_id, criterion_key, judge_provider, judge_model, status,
         error_message, created_at, created_by, updated_at)
       VALUES (@id, @aRunId, @aPromptVersionId, @aProvider, @aModelId, @bRunId, @bPromptVersionId, @bProvider,
         @bModelId, @rubricId, @criterionKey, @judgeProvider, @judgeModel, @status, NULL, @createdAt, @createdBy,
         @createdAt)`,
    ),
    find: db.prepare<[ReturnType<typeof keyParams>], ComparisonRecord>(
      `SELECT * FROM pairwise_comparisons WHERE ${keyMatch} AND rubric_id = @rubricId
         AND criterion_key = @criterionKey AND judge_provider = @judgeProvider AND judge_model = @judgeModel`,
    ),
    get: db.prepare<[string], ComparisonRecord>('SELECT * FROM pairwise_comparisons WHERE id = ?'),
    forSlices: db.prepare<[Record<string, string>], ComparisonRecord>(
      `SELECT * FROM pairwise_comparisons WHERE (${keyMatch}) OR (${swappedMatch})
        ORDER BY created_at DESC, rowid DESC`,
    ),
    setStatus: db.prepare(
      `UPDATE pairwise_comparisons SET status = @status, error_message = @error, updated_at = @at WHERE id = @id`,
    ),
    interruptRunning: db.prepare(
      `UPDATE pairwise_comparisons SET status = 'cancelled', updated_at = ? WHERE status = 'running'`,
    ),
    upsertJudgment: db.prepare(
      `INSERT INTO pairwise_judgments (comparison_id, case_id, position_order, verdict, reason, request,
         response_text, input_tokens, output_tokens, cost_usd, total_ms, attempts, error_message, created_at)
       VALUES (@comparisonId, @caseId, @order, @verdict, @reason, @request, @responseText, @inputTokens,
         @outputTokens, @costUsd, @totalMs, @attempts, @error, @createdAt)
       ON CONFLICT (comparison_id, case_id, position_order) DO UPDATE SET verdict = excluded.verdict,
         reason = excluded.reason, request = excluded.request, response_text = excluded.response_text,
         input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd,
         total_ms = excluded.total_ms, attempts = excluded.attempts, error_message = excluded.error_message,
         created_at = excluded.created_at`,
    ),
    facts: db.prepare<[string], FactsRecord>(
      `SELECT case_id, position_order, verdict, reason, error_message, cost_usd,
              response_text IS NOT NULL AS answered
         FROM pairwise_judgments WHERE comparison_id = ? ORDER BY rowid`,
    ),
  }
  return {
    find: (key: PairwiseKey): PairwiseRow | null => {
      const r = statements.find.get(keyParams(key))
      return r ? toRow(r) : null
    },
    get: (id: string): PairwiseRow | null => {
      const r = statements.get.get(id)
      return r ? toRow(r) : null
    },
    /** The comparisons of these two slices, either way round, newest first. */
    forSlices: (a: CompareSlice, b: CompareSlice): PairwiseRow[] =>
      statements.forSlices.all({ ...sliceParams('a', a), ...sliceParams('b', b) }).map(toRow),
    insert: (
      row: PairwiseKey & { id: string; status: PairwiseStatus; createdAt: string; createdBy: string },
    ) =>
      statements.insert.run({
        ...keyParams(row),
        id: row.id,
        status: row.status,
        createdAt: row.createdAt,
        createdBy: row.createdBy,
      }),
    setStatus: (id: string, status: PairwiseStatus, error: string | null, at: string): void => {
      statements.setStatus.run({ id, status, error, at })
    },
    /** A comparison still marked running was cut off (the app quit): starting it again resumes it. */
    interruptRunning: (at: string): number => statements.interruptRunning.run(at).changes,
    /** Stores a judgment; a failed one asked again is replaced. */
    upsertJudgment: (j: PairwiseJudgmentRow): void => {
      statements.upsertJudgment.run({ ...j, request: JSON.stringify(j.request) })
    },
    facts: (comparisonId: string): PairwiseJudgmentFacts[] =>
      statements.facts.all(comparisonId).map((r) => ({
        caseId: r.case_id,
        order: r.position_order,
        verdict: r.verdict,
        reason: r.reason,
        error: r.error_message,
        costUsd: r.cost_usd,
        answered: r.answered === 1,
      })),
  }
}
