import { z } from 'zod'
import { toolCallSchema, toolStepSchema } from '../../../../../shared/domain/conversation'
import { modelParamsSchema } from '../../../../../shared/domain/prompts'
import {
  attemptSchema,
  renderedRequestSchema,
  type RunResult,
  type RunResultFilter,
} from '../../../../../shared/domain/runs'
import type { ResultKey } from '../../../../../shared/lib/model-identity'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

export interface ResultRow {
  run_id: string
  case_id: string
  prompt_version_id: string
  prompt_hash: string
  provider: string
  model_id: string
  repeat: number
  params: string
  request: string
  response_text: string | null
  finish_reason: string | null
  input_tokens: number | null
  output_tokens: number | null
  cached_tokens: number | null
  cost_usd: number | null
  ttft_ms: number | null
  total_ms: number | null
  attempts: number
  attempt_log: string
  error_kind: string | null
  error_message: string | null
  cached: number
  created_at: string
  tool_calls: string
  steps: string | null
  batch: number
}

export const columns = `run_id, case_id, prompt_version_id, prompt_hash, provider, model_id, repeat, params, request,
  response_text, finish_reason, input_tokens, output_tokens, cached_tokens, cost_usd, ttft_ms, total_ms, attempts,
  attempt_log, error_kind, error_message, cached, created_at, tool_calls, steps, batch`
const values = `@runId, @caseId, @promptVersionId, @promptHash, @provider, @modelId, @repeat, @params, @request,
  @responseText, @finishReason, @inputTokens, @outputTokens, @cachedTokens, @costUsd, @ttftMs, @totalMs, @attempts,
  @attemptLog, @errorKind, @errorMessage, @cached, @createdAt, @toolCalls, @steps, @batch`
// Every filter is optional: a NULL parameter matches all rows.
export const filterSql = `run_id = @runId
  AND (@caseId IS NULL OR case_id = @caseId)
  AND (@provider IS NULL OR provider = @provider)
  AND (@modelId IS NULL OR model_id = @modelId)
  AND (@promptVersionId IS NULL OR prompt_version_id = @promptVersionId)
  AND (@status IS NULL OR (error_kind IS NULL) = (@status = 'ok'))`

/** A case key is resolved to its case id (in the run's snapshot) before it reaches the results table. */
export type ResultIdFilter = Omit<RunResultFilter, 'caseKey'>

export type FilterParams = { runId: string } & { [K in keyof ResultIdFilter]-?: ResultIdFilter[K] | null }

/** A result already stored: its full identity, provider included. */
export type DoneKey = ResultKey

export interface ResultTotals {
  done: number
  errors: number
  cached: number
  spentUsd: number
}

export type RunResultsRepo = ReturnType<typeof createRunResultsRepo>

export function createRunResultsRepo(db: Db) {
  const statements = {
    // ON CONFLICT DO NOTHING skips only a result already stored (a resumed batch); unlike INSERT OR IGNORE it
    // still fails loudly on a row that breaks a CHECK constraint instead of dropping it.
    insert: db.prepare(`INSERT INTO run_results (${columns}) VALUES (${values}) ON CONFLICT DO NOTHING`),
    keys: db.prepare<
      [string],
      { case_id: string; prompt_version_id: string; provider: string; model_id: string; repeat: number }
    >('SELECT case_id, prompt_version_id, provider, model_id, repeat FROM run_results WHERE run_id = ?'),
    keysAfter: db.prepare<
      [string, number, number],
      {
        row: number
        case_id: string
        prompt_version_id: string
        provider: string
        model_id: string
        repeat: number
      }
    >(
      `SELECT rowid AS row, case_id, prompt_version_id, provider, model_id, repeat FROM run_results
        WHERE run_id = ? AND rowid > ? ORDER BY rowid LIMIT ?`,
    ),
    totals: db.prepare<[string], ResultTotals>(
      `SELECT COUNT(*) AS done, COUNT(error_kind) AS errors, COALESCE(SUM(cached), 0) AS cached,
         COALESCE(SUM(cost_usd), 0) AS spentUsd FROM run_results WHERE run_id = ?`,
    ),
    count: db.prepare<[FilterParams], { n: number }>(
      `SELECT COUNT(*) AS n FROM run_results WHERE ${filterSql}`,
    ),
    page: db.prepare<[FilterParams & { limit: number; offset: number }], ResultRow>(
      `SELECT ${columns} FROM run_results WHERE ${filterSql} ORDER BY rowid LIMIT @limit OFFSET @offset`,
    ),
    cacheGet: db.prepare<[string], { response: string }>(
      'SELECT response FROM response_cache WHERE request_hash = ?',
    ),
    cachePut: db.prepare(
      'INSERT OR IGNORE INTO response_cache (request_hash, response, created_at) VALUES (?, ?, ?)',
    ),
  }
  const params = filterParams
  return {
    /** Returns whether the row was new: a row for the same key is kept, never duplicated or replaced. */
    insert: (r: RunResult): boolean => statements.insert.run(toRow(r)).changes === 1,
    doneKeys: (runId: string): DoneKey[] =>
      statements.keys.all(runId).map((k) => ({
        caseId: k.case_id,
        promptVersionId: k.prompt_version_id,
        provider: k.provider,
        modelId: k.model_id,
        repeat: k.repeat,
      })),
    /** A page of doneKeys in write order, after the row `after` (0 first): a big run's keys read in slices. */
    doneKeysAfter: (runId: string, after: number, limit: number): { row: number; key: DoneKey }[] =>
      statements.keysAfter.all(runId, after, limit).map((k) => ({
        row: k.row,
        key: {
          caseId: k.case_id,
          promptVersionId: k.prompt_version_id,
          provider: k.provider,
          modelId: k.model_id,
          repeat: k.repeat,
        },
      })),
    totals: (runId: string): ResultTotals =>
      statements.totals.get(runId) ?? { done: 0, errors: 0, cached: 0, spentUsd: 0 },
    count: (runId: string, filter: ResultIdFilter): number =>
      statements.count.get(params(runId, filter))?.n ?? 0,
    page: (runId: string, filter: ResultIdFilter, offset: number, limit: number): RunResult[] =>
      statements.page.all({ ...params(runId, filter), offset, limit }).map(toResult),
    cacheGet: (hash: string): string | null => statements.cacheGet.get(hash)?.response ?? null,
    cachePut: (hash: string, response: string, at: string): void => {
      statements.cachePut.run(hash, response, at)
    },
  }
}

/** The filter as statement parameters: a filter not set is NULL, which matches every row. */
export const filterParams = (runId: string, f: ResultIdFilter): FilterParams => ({
  runId,
  caseId: f.caseId ?? null,
  provider: f.provider ?? null,
  modelId: f.modelId ?? null,
  promptVersionId: f.promptVersionId ?? null,
  status: f.status ?? null,
})

function toRow(r: RunResult): Record<string, unknown> {
  return {
    ...r,
    params: JSON.stringify(r.params),
    request: JSON.stringify(r.request),
    attemptLog: JSON.stringify(r.attemptLog),
    cached: r.cached ? 1 : 0,
    toolCalls: JSON.stringify(r.toolCalls),
    steps: r.steps === null ? null : JSON.stringify(r.steps),
    batch: r.batch ? 1 : 0,
  }
}

const attemptLogSchema = z.array(attemptSchema)
const toolCallsSchema = z.array(toolCallSchema)
const stepsSchema = z.array(toolStepSchema)

export function toResult(row: ResultRow): RunResult {
  const where = `result of run ${row.run_id}`
  return {
    runId: row.run_id,
    caseId: row.case_id,
    promptVersionId: row.prompt_version_id,
    promptHash: row.prompt_hash,
    provider: row.provider,
    modelId: row.model_id,
    repeat: row.repeat,
    params: parseJsonColumn(modelParamsSchema, row.params, where),
    request: parseJsonColumn(renderedRequestSchema, row.request, where),
    responseText: row.response_text,
    finishReason: row.finish_reason,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    cachedTokens: row.cached_tokens,
    costUsd: row.cost_usd,
    ttftMs: row.ttft_ms,
    totalMs: row.total_ms,
    attempts: row.attempts,
    attemptLog: parseJsonColumn(attemptLogSchema, row.attempt_log, where),
    errorKind: row.error_kind,
    errorMessage: row.error_message,
    cached: row.cached === 1,
    createdAt: row.created_at,
    toolCalls: parseJsonColumn(toolCallsSchema, row.tool_calls, where),
    steps: row.steps === null ? null : parseJsonColumn(stepsSchema, row.steps, where),
    batch: row.batch === 1,
  }
}
