import type { Environment, EnvironmentPointer } from '../../../../../shared/domain/environments'
import type { Db } from '../connection'

interface PointerRow {
  env: Environment
  version_id: string
  number: number
  updated_at: string
  updated_by: string
}

export interface PointerUpdate {
  promptId: string
  env: Environment
  versionId: string
  updatedAt: string
  updatedBy: string
}

export type EnvironmentsRepo = ReturnType<typeof createEnvironmentsRepo>

/** Where staging and prod point now. Where they pointed before is the audit log's job (see history repo). */
export function createEnvironmentsRepo(db: Db) {
  const select = `SELECT e.env, e.version_id, v.number, e.updated_at, e.updated_by
                    FROM prompt_environments e JOIN prompt_versions v ON v.id = e.version_id`
  const statements = {
    list: db.prepare<[string], PointerRow>(`${select} WHERE e.prompt_id = ? ORDER BY e.env DESC`),
    get: db.prepare<[string, string], PointerRow>(`${select} WHERE e.prompt_id = ? AND e.env = ?`),
    upsert: db.prepare(
      `INSERT INTO prompt_environments (prompt_id, env, version_id, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (prompt_id, env) DO UPDATE
         SET version_id = excluded.version_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ),
  }
  return {
    /** Staging first, then prod; environments never promoted to are absent. */
    list: (promptId: string): EnvironmentPointer[] => statements.list.all(promptId).map(toPointer),
    get: (promptId: string, env: Environment): EnvironmentPointer | null => {
      const row = statements.get.get(promptId, env)
      return row ? toPointer(row) : null
    },
    set: (p: PointerUpdate): void => {
      statements.upsert.run(p.promptId, p.env, p.versionId, p.updatedAt, p.updatedBy)
    },
  }
}

function toPointer(row: PointerRow): EnvironmentPointer {
  return {
    env: row.env,
    versionId: row.version_id,
    versionNumber: row.number,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  }
}
