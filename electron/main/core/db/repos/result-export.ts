import { z } from 'zod'
import {
  toolCallSchema,
  toolStepSchema,
  type ToolCall,
  type ToolStep,
} from '../../../../../shared/domain/conversation'
import type { CaseFields } from '../../../../../shared/domain/datasets'
import { caseFields } from '../case-hash'
import type { Db } from '../connection'
import { toCase } from './case-rows'
import { parseJsonColumn } from './json'
import type { ResultIdFilter } from './runs-results'

/**
 * The reads of a results export: a run's results joined with their case (from the run's own snapshot) and
 * prompt version, in a stable order — case key, version number, version id, provider, model id, repeat — and
 * paged by that order (keyset), so each page is a fresh, short read and a 50,000-result run is never held whole.
 */

/** Where the previous page ended: the sort values of its last row. */
export interface ExportCursor {
  caseKey: string
  versionNumber: number
  promptVersionId: string
  provider: string
  modelId: string
  repeat: number
}

/** One result as an export writes it: the result's own columns, its case and its prompt version. */
export interface ExportRow {
  caseId: string
  /** Null only when the run's snapshot does not hold the case (a run's own results never do that). */
  case: CaseFields | null
  promptVersionId: string
  promptHash: string
  versionNumber: number | null
  promptId: string | null
  promptName: string | null
  provider: string
  modelId: string
  repeat: number
  responseText: string | null
  finishReason: string | null
  inputTokens: number | null
  outputTokens: number | null
  cachedTokens: number | null
  costUsd: number | null
  ttftMs: number | null
  totalMs: number | null
  attempts: number
  errorKind: string | null
  errorMessage: string | null
  cached: boolean
  /** Answered through a Batch API: latency and TTFT are null (not applicable), priced at the batch price. */
  batch: boolean
  /** Every tool call of the answer, in order; empty when none. */
  toolCalls: ToolCall[]
  /** Each model call of a tool loop; null for a single call. */
  steps: ToolStep[] | null
}

/** A score of one of the exported results. */
export interface ExportScore {
  caseId: string
  promptVersionId: string
  provider: string
  modelId: string
  repeat: number
  metric: string
  scorerHash: string
  value: number | null
  raw: number | null
  passed: number | null
  reason: string
}

/** A name used by the snapshot's vars or expected fields, with whether any value of it is not text. */
export interface FieldName {
  name: string
  nonText: number
}

type PageRow = Omit<ExportRow, 'case' | 'cached' | 'batch' | 'toolCalls' | 'steps'> & {
  toolCalls: string
  steps: string | null
  caseKey: string | null
  vars: string | null
  expected: string | null
  expectedOutput: string | null
  tags: string | null
  notes: string | null
  conversation: string | null
  toolResults: string | null
  cached: number
  batch: number
}

const members = `dataset_snapshot_cases m JOIN case_revisions c ON c.hash = m.revision_hash`
const sortKey = `COALESCE(c.case_key, r.case_id), COALESCE(v.number, 0), r.prompt_version_id, r.provider,
  r.model_id, r.repeat`
const pageSql = `
  SELECT r.case_id AS caseId, c.case_key AS caseKey, c.vars AS vars, c.expected AS expected,
         c.expected_output AS expectedOutput, c.tags AS tags, c.notes AS notes,
         c.conversation AS conversation, c.tool_results AS toolResults,
         r.prompt_version_id AS promptVersionId, r.prompt_hash AS promptHash, v.number AS versionNumber,
         p.id AS promptId, p.name AS promptName, r.provider AS provider, r.model_id AS modelId,
         r.repeat AS repeat, r.response_text AS responseText, r.finish_reason AS finishReason,
         r.input_tokens AS inputTokens, r.output_tokens AS outputTokens, r.cached_tokens AS cachedTokens,
         r.cost_usd AS costUsd, r.ttft_ms AS ttftMs, r.total_ms AS totalMs, r.attempts AS attempts,
         r.error_kind AS errorKind, r.error_message AS errorMessage, r.cached AS cached, r.batch AS batch,
         r.tool_calls AS toolCalls, r.steps AS steps
    FROM run_results r
    LEFT JOIN dataset_snapshot_cases m ON m.snapshot_id = @snapshotId AND m.case_id = r.case_id
    LEFT JOIN case_revisions c ON c.hash = m.revision_hash
    LEFT JOIN prompt_versions v ON v.id = r.prompt_version_id
    LEFT JOIN prompts p ON p.id = v.prompt_id
   WHERE r.run_id = @runId
     AND (@caseId IS NULL OR r.case_id = @caseId)
     AND (@provider IS NULL OR r.provider = @provider)
     AND (@modelId IS NULL OR r.model_id = @modelId)
     AND (@promptVersionId IS NULL OR r.prompt_version_id = @promptVersionId)
     AND (@status IS NULL OR (r.error_kind IS NULL) = (@status = 'ok'))
     AND (@first = 1 OR (${sortKey}) > (@caseKey, @versionNumber, @afterVersionId, @afterProvider,
       @afterModelId, @afterRepeat))
   ORDER BY ${sortKey}
   LIMIT @limit`

/** First-seen order: by case position, then by the field's place in the case's JSON object. */
const fieldNamesSql = (column: 'vars' | 'expected') => `
  SELECT name, MAX(non_text) AS nonText FROM (
    SELECT j.key AS name, j.type NOT IN ('text') AS non_text,
           row_number() OVER (ORDER BY m.position, j.id) AS seq
      FROM ${members}, json_each(c.${column}) j
     WHERE m.snapshot_id = ?)
   GROUP BY name ORDER BY MIN(seq)`

export type ResultExportRepo = ReturnType<typeof createResultExportRepo>

export function createResultExportRepo(db: Db) {
  const statements = {
    page: db.prepare<[Record<string, string | number | null>], PageRow>(pageSql),
    varNames: db.prepare<[string], FieldName>(fieldNamesSql('vars')),
    expectedNames: db.prepare<[string], FieldName>(fieldNamesSql('expected')),
    caseParts: db.prepare<[string], { conversation: number; toolResults: number }>(
      `SELECT COALESCE(MAX(c.conversation IS NOT NULL), 0) AS conversation,
              COALESCE(MAX(c.tool_results IS NOT NULL), 0) AS toolResults
         FROM ${members} WHERE m.snapshot_id = ?`,
    ),
    tags: db.prepare<[string], { tag: string }>(
      `SELECT DISTINCT t.value AS tag FROM ${members}, json_each(c.tags) t WHERE m.snapshot_id = ?`,
    ),
    scores: db.prepare<[{ runId: string; caseIds: string; hashes: string }], ExportScore>(
      `SELECT case_id AS caseId, prompt_version_id AS promptVersionId, provider, model_id AS modelId, repeat,
              metric, scorer_hash AS scorerHash, value, raw, passed, reason
         FROM run_scores
        WHERE run_id = @runId AND case_id IN (SELECT value FROM json_each(@caseIds))
          AND scorer_hash IN (SELECT value FROM json_each(@hashes))`,
    ),
  }
  return {
    /** Up to `limit` results after `after` (from the first when null), in export order. */
    page: (
      run: { id: string; snapshotId: string },
      filter: ResultIdFilter,
      after: ExportCursor | null,
      limit: number,
    ): ExportRow[] =>
      statements.page
        .all({
          runId: run.id,
          snapshotId: run.snapshotId,
          caseId: filter.caseId ?? null,
          provider: filter.provider ?? null,
          modelId: filter.modelId ?? null,
          promptVersionId: filter.promptVersionId ?? null,
          status: filter.status ?? null,
          first: after === null ? 1 : 0,
          caseKey: after?.caseKey ?? '',
          versionNumber: after?.versionNumber ?? 0,
          afterVersionId: after?.promptVersionId ?? '',
          afterProvider: after?.provider ?? '',
          afterModelId: after?.modelId ?? '',
          afterRepeat: after?.repeat ?? 0,
          limit,
        })
        .map(toExportRow),
    /** The snapshot's variable names, in first-seen order. */
    varNames: (snapshotId: string): FieldName[] => statements.varNames.all(snapshotId),
    /** The snapshot's expected field names, in first-seen order, each with whether a value is not text. */
    expectedNames: (snapshotId: string): FieldName[] => statements.expectedNames.all(snapshotId),
    /** Whether any case of the snapshot holds a conversation, and any canned tool results. */
    caseParts: (snapshotId: string): { conversation: boolean; toolResults: boolean } => {
      const row = statements.caseParts.get(snapshotId)
      return { conversation: row?.conversation === 1, toolResults: row?.toolResults === 1 }
    },
    /** Every distinct tag of the snapshot. */
    tags: (snapshotId: string): string[] => statements.tags.all(snapshotId).map((r) => r.tag),
    /** The scores by these scorer fingerprints of the results of these cases. */
    scores: (runId: string, caseIds: readonly string[], hashes: readonly string[]): ExportScore[] =>
      statements.scores.all({
        runId,
        caseIds: JSON.stringify([...new Set(caseIds)]),
        hashes: JSON.stringify([...new Set(hashes)]),
      }),
  }
}

/** The sort values of a row, for the next page's cursor. */
export function cursorOf(row: ExportRow): ExportCursor {
  return {
    caseKey: row.case?.key ?? row.caseId,
    versionNumber: row.versionNumber ?? 0,
    promptVersionId: row.promptVersionId,
    provider: row.provider,
    modelId: row.modelId,
    repeat: row.repeat,
  }
}

const toolCallsSchema = z.array(toolCallSchema)
const stepsSchema = z.array(toolStepSchema)

function toExportRow(row: PageRow): ExportRow {
  const { caseKey, vars, expected, expectedOutput, tags, notes, conversation, toolResults, ...more } = row
  const { cached, batch, toolCalls, steps, ...rest } = more
  const where = `result of run for case ${row.caseId}`
  const stored =
    caseKey === null || vars === null || expected === null || tags === null || notes === null
      ? null
      : toCase({
          id: row.caseId,
          case_key: caseKey,
          vars,
          expected,
          expected_output: expectedOutput,
          tags,
          notes,
          conversation,
          tool_results: toolResults,
        })
  return {
    ...rest,
    // The dataset export's fields: a conversation and canned tool results only where the case has them.
    case: stored && caseFields(stored),
    cached: cached === 1,
    batch: batch === 1,
    toolCalls: parseJsonColumn(toolCallsSchema, toolCalls, where),
    steps: steps === null ? null : parseJsonColumn(stepsSchema, steps, where),
  }
}
