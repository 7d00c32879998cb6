import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

export const fixtureDir = join(import.meta.dirname, '../../../fixtures/imports/json')

export const fixture = (name: string): string => readFileSync(join(fixtureDir, name), 'utf8')

/** Row count and content checksum of every table: equal before and after means nothing was written. */
export function everyTable(home: string): Record<string, string> {
  const db = new Database(join(home, 'evallab.db'), { readonly: true })
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[]
    return Object.fromEntries(
      tables.map((table) => {
        const rows = db.prepare(`SELECT * FROM "${table}"`).raw().all()
        const sum = createHash('sha256').update(JSON.stringify(rows)).digest('hex')
        return [table, `${rows.length}:${sum}`]
      }),
    )
  } finally {
    db.close()
  }
}
