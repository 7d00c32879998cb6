import { z } from 'zod'
import { toolCallSchema, type ToolCall } from '../../../../../shared/domain/conversation'
import type { SliceKey } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

const toolCallsSchema = z.array(toolCallSchema)

/**
 * What compare.cases pairs case by case, read for one slice and its first repeat only: the output (text or
 * error) and the score values of the given scorer fingerprints. Pairing stays in JavaScript; these reads
 * keep it to the columns it needs instead of every output and score of the run with its JSON details.
 */

export interface FirstOutput {
  caseId: string
  text: string | null
  /** Set when the call failed and there is no output. */
  error: string | null
  /** The answer's tool calls, in order (arguments as the exact text); empty when none. */
  toolCalls: ToolCall[]
}

export interface FirstScore {
  caseId: string
  metric: string
  scorerHash: string
  value: number | null
}

/** A case of a dataset snapshot as a case pair shows it: its key and tags (not its variables). */
export interface CaseFacts {
  caseId: string
  key: string
  tags: string[]
}

const tagsSchema = z.array(z.string())

const inSlice = `run_id = @runId AND prompt_version_id = @promptVersionId AND provider = @provider
  AND model_id = @modelId AND repeat = 0`

const params = (runId: string, s: SliceKey) => ({
  runId,
  promptVersionId: s.promptVersionId,
  provider: s.provider,
  modelId: s.modelId,
})

export type CasePairsRepo = ReturnType<typeof createCasePairsRepo>

export function createCasePairsRepo(db: Db) {
  const statements = {
    outputs: db.prepare<
      [ReturnType<typeof params>],
      { case_id: string; response_text: string | null; error_message: string | null; tool_calls: string }
    >(
      `SELECT case_id, response_text, error_message, tool_calls FROM run_results WHERE ${inSlice} ORDER BY rowid`,
    ),
    scores: db.prepare<
      [ReturnType<typeof params> & { hashes: string }],
      { case_id: string; metric: string; scorer_hash: string; value: number | null }
    >(
      `SELECT case_id, metric, scorer_hash, value FROM run_scores
        WHERE ${inSlice} AND scorer_hash IN (SELECT value FROM json_each(@hashes)) ORDER BY rowid`,
    ),
    caseFacts: db.prepare<[string], { case_id: string; case_key: string; tags: string }>(
      `SELECT m.case_id, c.case_key, c.tags FROM dataset_snapshot_cases m
         JOIN case_revisions c ON c.hash = m.revision_hash WHERE m.snapshot_id = ? ORDER BY m.position`,
    ),
  }
  return {
    /** The snapshot's cases in dataset order. */
    caseFacts: (snapshotId: string): CaseFacts[] =>
      statements.caseFacts.all(snapshotId).map((r) => ({
        caseId: r.case_id,
        key: r.case_key,
        tags: parseJsonColumn(tagsSchema, r.tags, `tags of case ${r.case_key}`),
      })),
    /** The slice's outputs of repeat 0, in write order. */
    firstOutputs: (runId: string, slice: SliceKey): FirstOutput[] =>
      statements.outputs.all(params(runId, slice)).map((r) => ({
        caseId: r.case_id,
        text: r.response_text,
        error: r.response_text === null ? (r.error_message ?? 'no output') : null,
        toolCalls: parseJsonColumn(toolCallsSchema, r.tool_calls, `result of run ${runId}`),
      })),
    /** The slice's score values of repeat 0 by the given scorer fingerprints, in write order. */
    firstScores: (runId: string, slice: SliceKey, scorerHashes: readonly string[]): FirstScore[] =>
      statements.scores.all({ ...params(runId, slice), hashes: JSON.stringify(scorerHashes) }).map((r) => ({
        caseId: r.case_id,
        metric: r.metric,
        scorerHash: r.scorer_hash,
        value: r.value,
      })),
  }
}
