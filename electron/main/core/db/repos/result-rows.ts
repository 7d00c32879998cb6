import type { ResultKeyInput, ResultRow } from '../../../../../shared/domain/result-rows'
import { resultPreviewChars } from '../../../../../shared/domain/result-rows'
import type { RunResult } from '../../../../../shared/domain/runs'
import { toolCallSchema } from '../../../../../shared/domain/conversation'
import { toolCallsSummary } from '../../../../../shared/lib/tool-call-text'
import { z } from 'zod'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'
import {
  columns,
  filterParams,
  filterSql,
  toResult,
  type FilterParams,
  type ResultIdFilter,
  type ResultRow as StoredRow,
} from './runs-results'

interface GridRow {
  run_id: string
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  input_tokens: number | null
  output_tokens: number | null
  cost_usd: number | null
  total_ms: number | null
  attempts: number
  error_kind: string | null
  cached: number
  batch: number
  preview: string | null
  /** The calls of an answer with no text (JSON), so its row shows them instead of a blank; else null. */
  tool_calls: string | null
}

// Leading blank space is dropped before the cut, so a response that starts with blank lines still shows text.
const blank = 'char(9, 10, 13, 32)'
const gridColumns = `run_id, case_id, prompt_version_id, provider, model_id, repeat, input_tokens, output_tokens,
  cost_usd, total_ms, attempts, error_kind, cached, batch,
  substr(ltrim(CASE WHEN error_kind IS NULL THEN response_text ELSE error_message END, ${blank}), 1,
    ${resultPreviewChars}) AS preview,
  CASE WHEN error_kind IS NULL AND ltrim(coalesce(response_text, ''), ${blank}) = '' AND tool_calls <> '[]'
    THEN tool_calls END AS tool_calls`

export type ResultRowsRepo = ReturnType<typeof createResultRowsRepo>

/**
 * The results grid's reads: a page of rows with only the columns it shows (never the request, params or
 * attempt log, which are most of a result's bytes), and one full result by its identity when a row is opened.
 */
export function createResultRowsRepo(db: Db) {
  const statements = {
    page: db.prepare<[FilterParams & { limit: number; offset: number }], GridRow>(
      `SELECT ${gridColumns} FROM run_results WHERE ${filterSql} ORDER BY rowid LIMIT @limit OFFSET @offset`,
    ),
    one: db.prepare<[ResultKeyInput], StoredRow>(
      `SELECT ${columns} FROM run_results WHERE run_id = @runId AND case_id = @caseId
         AND prompt_version_id = @promptVersionId AND provider = @provider AND model_id = @modelId
         AND repeat = @repeat`,
    ),
  }
  return {
    /** Rows without their case keys (the snapshot holds those), in write order like `runResults.page`. */
    page: (
      runId: string,
      filter: ResultIdFilter,
      offset: number,
      limit: number,
    ): Omit<ResultRow, 'caseKey'>[] =>
      statements.page.all({ ...filterParams(runId, filter), offset, limit }).map(toGridRow),
    one: (key: ResultKeyInput): RunResult | null => {
      const row = statements.one.get(key)
      return row ? toResult(row) : null
    },
  }
}

function toGridRow(row: GridRow): Omit<ResultRow, 'caseKey'> {
  return {
    runId: row.run_id,
    caseId: row.case_id,
    promptVersionId: row.prompt_version_id,
    provider: row.provider,
    modelId: row.model_id,
    repeat: row.repeat,
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    costUsd: row.cost_usd,
    totalMs: row.total_ms,
    attempts: row.attempts,
    errorKind: row.error_kind,
    cached: row.cached === 1,
    batch: row.batch === 1,
    preview: row.tool_calls === null ? row.preview : callsPreview(row, row.tool_calls),
  }
}

const toolCallsSchema = z.array(toolCallSchema)

/** A tool-call-only answer's row: its calls on one line, as long as a text preview may be. */
function callsPreview(row: GridRow, toolCalls: string): string {
  const where = `result of run ${row.run_id} for case ${row.case_id}`
  const calls = parseJsonColumn(toolCallsSchema, toolCalls, where)
  return toolCallsSummary(calls).slice(0, resultPreviewChars)
}
