import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { bundledMigrations } from '../../../../electron/main/core/db/migrations'
import { resultHistorySql } from '../../../../electron/main/core/db/repos/result-history'

function migrated(): Database.Database {
  const db = new Database(':memory:')
  for (const m of bundledMigrations) db.exec(m.sql)
  return db
}

const params = { provider: 'local-llm', model: 'm', versionId: 'pv1', runs: 10, results: 500 }

describe('result history statements', () => {
  it.each(Object.keys(resultHistorySql))(
    '%s starts from the recent runs and reaches results by run_id',
    (name) => {
      const db = migrated()
      const sql = resultHistorySql[name as keyof typeof resultHistorySql]
      const used = sql.includes('@versionId') ? params : { ...params, versionId: undefined }
      const bound = Object.fromEntries(Object.entries(used).filter(([k]) => sql.includes(`@${k}`)))
      const plan = db
        .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(bound)
        .map((row) => row.detail)
        .join('\n')
      expect(plan).toMatch(/SCAN r USING INDEX runs_by_created/)
      expect(plan).toMatch(/SEARCH run_results USING (COVERING )?INDEX \w+ \(run_id=\?/)
      expect(plan).not.toMatch(/SCAN run_results/)
    },
  )
})
