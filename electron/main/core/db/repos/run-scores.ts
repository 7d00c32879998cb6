import { z } from 'zod'
import { toolCallSchema, type ToolCall } from '../../../../../shared/domain/conversation'
import type { Score } from '../../../../../shared/domain/scoring'
import { resultKey, type ResultKey } from '../../../../../shared/lib/model-identity'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

/** A score as stored: the contract's Score plus the scorer fingerprint it was produced with. */
export interface StoredScore extends Score {
  runId: string
  scorerHash: string
  /** Scorer-specific evidence, e.g. every schema error or each judge sample. */
  details: Record<string, unknown>
  createdAt: string
}

export interface ScoreFilter {
  /** Only scores produced by these scorer fingerprints (the current suite's); all when omitted. */
  scorerHashes?: readonly string[]
  caseId?: string
  metric?: string
  promptVersionId?: string
  /** With modelId: one model (a model is its provider and id). */
  provider?: string
  modelId?: string
  /** value < 1 or passed = false. */
  failedOnly?: boolean
}

interface ScoreRow {
  run_id: string
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  metric: string
  scorer_hash: string
  source: Score['source']
  value: number | null
  raw: number | null
  passed: number | null
  reason: string
  details: string
  created_at: string
}

const columns = `run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash, source,
  value, raw, passed, reason, details, created_at`
const values = `@runId, @caseId, @promptVersionId, @provider, @modelId, @repeat, @metric, @scorerHash, @source,
  @value, @raw, @passed, @reason, @details, @createdAt`
// Every filter is optional: a NULL parameter matches all rows.
const filterSql = `run_id = @runId
  AND (@hashes IS NULL OR scorer_hash IN (SELECT value FROM json_each(@hashes)))
  AND (@caseId IS NULL OR case_id = @caseId)
  AND (@metric IS NULL OR metric = @metric)
  AND (@promptVersionId IS NULL OR prompt_version_id = @promptVersionId)
  AND (@provider IS NULL OR provider = @provider)
  AND (@modelId IS NULL OR model_id = @modelId)
  AND (@failedOnly = 0 OR value < 1 OR passed = 0)`

interface FilterParams {
  runId: string
  hashes: string | null
  caseId: string | null
  metric: string | null
  promptVersionId: string | null
  provider: string | null
  modelId: string | null
  failedOnly: number
}

export type RunScoresRepo = ReturnType<typeof createRunScoresRepo>

/** Scores per result × metric × scorer fingerprint. Rows are never replaced: a changed scorer adds rows. */
export function createRunScoresRepo(db: Db) {
  const statements = {
    // ON CONFLICT DO NOTHING, not INSERT OR IGNORE: only a score already there is skipped; a value that
    // breaks a CHECK must fail loudly, not vanish.
    insert: db.prepare(`INSERT INTO run_scores (${columns}) VALUES (${values}) ON CONFLICT DO NOTHING`),
    keys: db.prepare<
      [string],
      {
        case_id: string
        prompt_version_id: string
        provider: string
        model_id: string
        repeat: number
        metric: string
        scorer_hash: string
      }
    >(
      // A judge that failed is marked for retry: it is not "scored", so the next scoring calls it again.
      `SELECT case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash FROM run_scores
        WHERE run_id = ? AND json_extract(details, '$.retry') IS NOT 1`,
    ),
    replace: db.prepare(
      `INSERT INTO run_scores (${columns}) VALUES (${values})
       ON CONFLICT (run_id, case_id, prompt_version_id, provider, model_id, repeat, metric, scorer_hash) DO UPDATE SET
         value = excluded.value, raw = excluded.raw, passed = excluded.passed, reason = excluded.reason,
         details = excluded.details, created_at = excluded.created_at`,
    ),
    count: db.prepare<[FilterParams], { n: number }>(
      `SELECT COUNT(*) AS n FROM run_scores WHERE ${filterSql}`,
    ),
    page: db.prepare<[FilterParams & { limit: number; offset: number }], ScoreRow>(
      `SELECT ${columns} FROM run_scores WHERE ${filterSql}
        ORDER BY rowid LIMIT @limit OFFSET @offset`,
    ),
    all: db.prepare<[FilterParams], ScoreRow>(
      `SELECT ${columns} FROM run_scores WHERE ${filterSql} ORDER BY rowid`,
    ),
    outputs: db.prepare<[string, number, number], OutputRow>(
      `SELECT rowid, case_id, prompt_version_id, provider, model_id, repeat, response_text, error_message,
              tool_calls
         FROM run_results WHERE run_id = ? AND rowid > ? ORDER BY rowid LIMIT ?`,
    ),
    facts: db.prepare<[string], FactRow>(
      `SELECT case_id, prompt_version_id, provider, model_id, repeat, cost_usd, total_ms, error_kind, cached
         FROM run_results WHERE run_id = ? ORDER BY rowid`,
    ),
    times: db.prepare<[string], TimeRow>(
      `SELECT case_id, prompt_version_id, provider, model_id, repeat, created_at FROM run_results WHERE run_id = ?`,
    ),
  }
  const params = (runId: string, f: ScoreFilter): FilterParams => ({
    runId,
    hashes: f.scorerHashes ? JSON.stringify(f.scorerHashes) : null,
    caseId: f.caseId ?? null,
    metric: f.metric ?? null,
    promptVersionId: f.promptVersionId ?? null,
    provider: f.provider ?? null,
    modelId: f.modelId ?? null,
    failedOnly: f.failedOnly ? 1 : 0,
  })
  return {
    /** Returns whether the row was new; the caller wraps a batch in one transaction. */
    insert: (s: StoredScore): boolean => statements.insert.run(toRow(s)).changes === 1,
    /** For a judge retried after a failure: its new score takes the failed one's place. */
    replace: (s: StoredScore): void => {
      statements.replace.run(toRow(s))
    },
    /** What is already scored, as scoreKey() strings: re-scoring skips these without a call. */
    scoredKeys: (runId: string): Set<string> =>
      new Set(
        statements.keys.all(runId).map((k) =>
          scoreKey(
            {
              caseId: k.case_id,
              promptVersionId: k.prompt_version_id,
              provider: k.provider,
              modelId: k.model_id,
              repeat: k.repeat,
            },
            k.metric,
            k.scorer_hash,
          ),
        ),
      ),
    count: (runId: string, filter: ScoreFilter = {}): number =>
      statements.count.get(params(runId, filter))?.n ?? 0,
    page: (runId: string, filter: ScoreFilter, offset: number, limit: number): StoredScore[] =>
      statements.page.all({ ...params(runId, filter), offset, limit }).map(toScore),
    /** Every matching score; callers narrow it to one slice or metric first. */
    list: (runId: string, filter: ScoreFilter = {}): StoredScore[] =>
      statements.all.all(params(runId, filter)).map(toScore),
    // The two reads below are of run_results, shaped for scoring: only the columns it needs, never the
    // rendered request, so scoring and summaries of large runs stay light.
    /** Stored outputs after `afterRow`, in write order: scoring pages through them in batches. */
    outputs: (runId: string, afterRow: number, limit: number): ScoredOutput[] =>
      statements.outputs.all(runId, afterRow, limit).map(toOutput),
    /** Per result: what a summary needs besides scores (cost, latency, error, cache). */
    facts: (runId: string): ResultFacts[] => statements.facts.all(runId).map(toFacts),
    /** When each result was made, by resultKey(); for a production sample that is the logged call's time. */
    times: (runId: string): Map<string, string> =>
      new Map(
        statements.times.all(runId).map((r) => [
          resultKey({
            caseId: r.case_id,
            promptVersionId: r.prompt_version_id,
            provider: r.provider,
            modelId: r.model_id,
            repeat: r.repeat,
          }),
          r.created_at,
        ]),
      ),
  }
}

// The full identity of a result (provider included) and its map key live in shared/, used everywhere.
export { resultKey, type ResultKey }

export const scoreKey = (k: ResultKey, metric: string, scorerHash: string): string =>
  `${resultKey(k)}\u0000${metric}\u0000${scorerHash}`

export interface ScoredOutput extends ResultKey {
  /** Position in run_results, for paging. */
  row: number
  responseText: string | null
  /** Set when the call failed and there is no output. */
  errorMessage: string | null
  /** The answer's tool calls in order; tool rules score them. */
  toolCalls: ToolCall[]
}

export interface ResultFacts extends ResultKey {
  costUsd: number | null
  totalMs: number | null
  failed: boolean
  cached: boolean
}

interface OutputRow {
  rowid: number
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  response_text: string | null
  error_message: string | null
  tool_calls: string
}

interface TimeRow {
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  created_at: string
}

interface FactRow {
  case_id: string
  prompt_version_id: string
  provider: string
  model_id: string
  repeat: number
  cost_usd: number | null
  total_ms: number | null
  error_kind: string | null
  cached: number
}

const toOutput = (r: OutputRow): ScoredOutput => ({
  row: r.rowid,
  caseId: r.case_id,
  promptVersionId: r.prompt_version_id,
  provider: r.provider,
  modelId: r.model_id,
  repeat: r.repeat,
  responseText: r.response_text,
  errorMessage: r.response_text === null ? (r.error_message ?? 'no output') : null,
  toolCalls: r.tool_calls === '[]' ? [] : parseJsonColumn(toolCallsSchema, r.tool_calls, `result ${r.rowid}`),
})

const toolCallsSchema = z.array(toolCallSchema)

const toFacts = (r: FactRow): ResultFacts => ({
  caseId: r.case_id,
  promptVersionId: r.prompt_version_id,
  provider: r.provider,
  modelId: r.model_id,
  repeat: r.repeat,
  costUsd: r.cost_usd,
  totalMs: r.total_ms,
  failed: r.error_kind !== null,
  cached: r.cached === 1,
})

function toRow(s: StoredScore): Record<string, unknown> {
  return {
    runId: s.runId,
    caseId: s.caseId,
    promptVersionId: s.promptVersionId,
    provider: s.provider,
    modelId: s.modelId,
    repeat: s.repeat,
    metric: s.metric,
    scorerHash: s.scorerHash,
    source: s.source,
    value: s.value,
    raw: s.raw,
    passed: s.passed === null ? null : s.passed ? 1 : 0,
    reason: s.reason,
    details: JSON.stringify(s.details),
    createdAt: s.createdAt,
  }
}

const detailsSchema = z.record(z.string(), z.unknown())

function toScore(row: ScoreRow): StoredScore {
  return {
    runId: row.run_id,
    caseId: row.case_id,
    promptVersionId: row.prompt_version_id,
    provider: row.provider,
    modelId: row.model_id,
    repeat: row.repeat,
    metric: row.metric,
    scorerHash: row.scorer_hash,
    source: row.source,
    value: row.value,
    raw: row.raw,
    passed: row.passed === null ? null : row.passed === 1,
    reason: row.reason,
    details: parseJsonColumn(detailsSchema, row.details, `score of run ${row.run_id}`),
    createdAt: row.created_at,
  }
}
