import type { Db } from '../connection'

export interface AuditEntry {
  at: string
  actor: string
  action: string
  entityType: string
  entityId: string
  details: Record<string, unknown>
}

export type AuditRepo = ReturnType<typeof createAuditRepo>

/** Append-only: the schema's triggers refuse updates and deletes, so history cannot be rewritten. */
export function createAuditRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)',
  )
  const forEntity = db.prepare<
    [string, string],
    { id: number; at: string; actor: string; action: string; details: string }
  >(
    'SELECT id, at, actor, action, details FROM audit_log WHERE entity_type = ? AND entity_id = ? ORDER BY id',
  )
  const forEntityAction = db.prepare<[string, string, string], { id: number; details: string }>(
    'SELECT id, details FROM audit_log WHERE entity_type = ? AND entity_id = ? AND action = ? ORDER BY id',
  )
  return {
    append: (e: AuditEntry): void => {
      insert.run(e.at, e.actor, e.action, e.entityType, e.entityId, JSON.stringify(e.details))
    },
    forEntity: (entityType: string, entityId: string) => forEntity.all(entityType, entityId),
    /** One kind of entry about an entity, oldest first (e.g. a dataset's corrected expected values). */
    forEntityAction: (entityType: string, entityId: string, action: string) =>
      forEntityAction.all(entityType, entityId, action),
  }
}
