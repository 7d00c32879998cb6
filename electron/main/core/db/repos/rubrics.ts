import type { Db } from '../connection'

export interface NewRubric {
  id: string
  key: string
  version: number
  name: string
  description: string
  criteria: unknown[]
  createdAt: string
}

export type RubricsRepo = ReturnType<typeof createRubricsRepo>

export function createRubricsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO rubrics (id, key, version, name, description, criteria, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM rubrics')
  return {
    insert: (r: NewRubric): void => {
      insert.run(r.id, r.key, r.version, r.name, r.description, JSON.stringify(r.criteria), r.createdAt)
    },
    count: (): number => count.get()?.n ?? 0,
  }
}
