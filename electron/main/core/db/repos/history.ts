import type { Db } from '../connection'

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: string
  details: string
}

export type HistoryRepo = ReturnType<typeof createHistoryRepo>

/** Reads a prompt's part of the append-only audit log; writes go through the audit repo. */
export function createHistoryRepo(db: Db) {
  const statements = {
    forPrompt: db.prepare<[string], AuditRow>(
      `SELECT id, at, actor, action, details FROM audit_log
        WHERE entity_type = 'prompt' AND entity_id = ? ORDER BY id DESC`,
    ),
  }
  return {
    /** Newest first. */
    forPrompt: (promptId: string): AuditRow[] => statements.forPrompt.all(promptId),
  }
}
