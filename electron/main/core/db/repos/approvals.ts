import type { Approval } from '../../../../../shared/domain/registry'
import type { Environment } from '../../../../../shared/domain/environments'
import type { Db } from '../connection'

interface ApprovalRow {
  id: string
  prompt_id: string
  version_id: string
  number: number
  env: Environment
  approver: string
  comment: string
  created_at: string
}

export type ApprovalsRepo = ReturnType<typeof createApprovalsRepo>

/** Append-only (the schema refuses updates and deletes): an approval, once given, stays on record. */
export function createApprovalsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO approvals (id, prompt_id, version_id, env, approver, comment, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    forVersion: db.prepare<[string, string], ApprovalRow>(
      `SELECT a.id, a.prompt_id, a.version_id, v.number, a.env, a.approver, a.comment, a.created_at
         FROM approvals a JOIN prompt_versions v ON v.id = a.version_id
        WHERE a.version_id = ? AND a.env = ?
        ORDER BY a.created_at DESC, a.rowid DESC`,
    ),
  }
  return {
    insert: (a: Approval): void => {
      statements.insert.run(a.id, a.promptId, a.versionId, a.env, a.approver, a.comment, a.createdAt)
    },
    /** Newest first. */
    forVersion: (versionId: string, env: Environment): Approval[] =>
      statements.forVersion.all(versionId, env).map(toApproval),
  }
}

function toApproval(row: ApprovalRow): Approval {
  return {
    id: row.id,
    promptId: row.prompt_id,
    versionId: row.version_id,
    versionNumber: row.number,
    env: row.env,
    approver: row.approver,
    comment: row.comment,
    createdAt: row.created_at,
  }
}
