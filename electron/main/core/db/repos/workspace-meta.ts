import type { Db } from '../connection'

export type WorkspaceMetaRepo = ReturnType<typeof createWorkspaceMetaRepo>

/** Facts about the workspace itself (when the demo was seeded), one value per key. */
export function createWorkspaceMetaRepo(db: Db) {
  const insert = db.prepare('INSERT INTO workspace_meta (key, value) VALUES (?, ?)')
  return {
    /** A key is written once: writing it again fails rather than silently replacing what was recorded. */
    insert: (key: string, value: string): void => {
      insert.run(key, value)
    },
  }
}
