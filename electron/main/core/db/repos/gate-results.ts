import { z } from 'zod'
import { ruleOutcomeSchema, type GateResult, type Verdict } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

interface GateResultRow {
  id: string
  prompt_id: string
  prompt_version_id: string
  candidate_run_id: string
  provider: string
  model_id: string
  baseline_run_id: string | null
  suite_version: number
  verdict: Verdict
  paired_cases: number
  rules: string
  created_at: string
  created_by: string
}

const columns = `id, prompt_id, prompt_version_id, candidate_run_id, provider, model_id, baseline_run_id,
  suite_version, verdict, paired_cases, rules, created_at, created_by`
const rulesSchema = z.array(ruleOutcomeSchema)

export type GateResultsRepo = ReturnType<typeof createGateResultsRepo>

/** Gate results are evidence for promotion: stored as evaluated, never changed. */
export function createGateResultsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO gate_results (${columns})
       VALUES (@id, @promptId, @promptVersionId, @candidateRunId, @provider, @modelId, @baselineRunId,
         @suiteVersion, @verdict, @pairedCases, @rules, @createdAt, @createdBy)`,
    ),
    forPrompt: db.prepare<[string], GateResultRow>(
      `SELECT ${columns} FROM gate_results WHERE prompt_id = ? ORDER BY created_at DESC, rowid DESC`,
    ),
    latestForModel: db.prepare<[string, string, string], GateResultRow>(
      `SELECT ${columns} FROM gate_results WHERE prompt_version_id = ? AND provider = ? AND model_id = ?
        ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    ),
  }
  return {
    insert: (g: GateResult): void => {
      statements.insert.run({
        id: g.id,
        promptId: g.promptId,
        promptVersionId: g.promptVersionId,
        candidateRunId: g.candidateRunId,
        provider: g.candidate.provider,
        modelId: g.candidate.modelId,
        baselineRunId: g.baselineRunId,
        suiteVersion: g.suiteVersion,
        verdict: g.verdict,
        pairedCases: g.pairedCases,
        rules: JSON.stringify(g.rules),
        createdAt: g.createdAt,
        createdBy: g.createdBy,
      })
    },
    /** Newest first. */
    forPrompt: (promptId: string): GateResult[] => statements.forPrompt.all(promptId).map(toGateResult),
    /** The newest gate result of a version on one model, whatever its verdict. */
    latestForModel: (versionId: string, provider: string, modelId: string): GateResult | null => {
      const row = statements.latestForModel.get(versionId, provider, modelId)
      return row ? toGateResult(row) : null
    },
  }
}

function toGateResult(row: GateResultRow): GateResult {
  return {
    id: row.id,
    promptId: row.prompt_id,
    promptVersionId: row.prompt_version_id,
    candidateRunId: row.candidate_run_id,
    candidate: { promptVersionId: row.prompt_version_id, provider: row.provider, modelId: row.model_id },
    baselineRunId: row.baseline_run_id,
    suiteVersion: row.suite_version,
    verdict: row.verdict,
    pairedCases: row.paired_cases,
    rules: parseJsonColumn(rulesSchema, row.rules, `gate result ${row.id}`),
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}
