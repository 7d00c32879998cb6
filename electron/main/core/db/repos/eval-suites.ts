import { evalSuiteDraftSchema, type EvalSuite } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

interface SuiteRow {
  prompt_id: string
  version: number
  suite: string
  message: string
  created_at: string
  created_by: string
}

const columns = 'prompt_id, version, suite, message, created_at, created_by'

export type EvalSuitesRepo = ReturnType<typeof createEvalSuitesRepo>

/** A prompt's eval suites, one immutable row per version; the newest is the one scoring uses. */
export function createEvalSuitesRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO eval_suites (${columns}) VALUES (@promptId, @version, @suite, @message, @createdAt, @createdBy)`,
    ),
    latest: db.prepare<[string], SuiteRow>(
      `SELECT ${columns} FROM eval_suites WHERE prompt_id = ? ORDER BY version DESC LIMIT 1`,
    ),
    version: db.prepare<[string, number], SuiteRow>(
      `SELECT ${columns} FROM eval_suites WHERE prompt_id = ? AND version = ?`,
    ),
  }
  return {
    insert: (suite: EvalSuite & { createdAt: string; createdBy: string }): void => {
      statements.insert.run({
        promptId: suite.promptId,
        version: suite.version,
        suite: JSON.stringify({ scorers: suite.scorers, gates: suite.gates }),
        message: suite.message,
        createdAt: suite.createdAt,
        createdBy: suite.createdBy,
      })
    },
    latest: (promptId: string): EvalSuite | null => mapSuite(statements.latest.get(promptId)),
    version: (promptId: string, version: number): EvalSuite | null =>
      mapSuite(statements.version.get(promptId, version)),
  }
}

const mapSuite = (row: SuiteRow | undefined): EvalSuite | null => (row ? toSuite(row) : null)

function toSuite(row: SuiteRow): EvalSuite {
  const draft = parseJsonColumn(evalSuiteDraftSchema, row.suite, `eval suite v${row.version}`)
  return {
    ...draft,
    promptId: row.prompt_id,
    version: row.version,
    message: row.message,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}
