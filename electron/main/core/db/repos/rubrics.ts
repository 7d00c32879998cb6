import { z } from 'zod'
import { rubricCriterionSchema, type Rubric } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

export interface NewRubric {
  id: string
  key: string
  version: number
  name: string
  description: string
  criteria: unknown[]
  createdAt: string
}

interface RubricRow {
  id: string
  key: string
  version: number
  name: string
  description: string
  criteria: string
  created_at: string
}

const columns = 'id, key, version, name, description, criteria, created_at'
const criteriaSchema = z.array(rubricCriterionSchema).min(1)

export type RubricsRepo = ReturnType<typeof createRubricsRepo>

/** Rubrics are versioned by (key, version); a scorer names one version by id, so its scores keep their meaning. */
export function createRubricsRepo(db: Db) {
  const statements = {
    insert: db.prepare(`INSERT INTO rubrics (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM rubrics'),
    byId: db.prepare<[string], RubricRow>(`SELECT ${columns} FROM rubrics WHERE id = ?`),
    latestForKey: db.prepare<[string], RubricRow>(
      `SELECT ${columns} FROM rubrics WHERE key = ? ORDER BY version DESC LIMIT 1`,
    ),
    latestPerKey: db.prepare<[], RubricRow>(
      `SELECT ${columns} FROM rubrics r
        WHERE version = (SELECT MAX(version) FROM rubrics o WHERE o.key = r.key)
        ORDER BY name COLLATE NOCASE, key`,
    ),
    versions: db.prepare<[string], RubricRow>(
      `SELECT ${columns} FROM rubrics WHERE key = ? ORDER BY version DESC`,
    ),
  }
  return {
    insert: (r: NewRubric): void => {
      statements.insert.run(
        r.id,
        r.key,
        r.version,
        r.name,
        r.description,
        JSON.stringify(r.criteria),
        r.createdAt,
      )
    },
    count: (): number => statements.count.get()?.n ?? 0,
    byId: (id: string): Rubric | null => mapRubric(statements.byId.get(id)),
    latestForKey: (key: string): Rubric | null => mapRubric(statements.latestForKey.get(key)),
    /** The newest version of every rubric, by name. */
    latestPerKey: (): Rubric[] => statements.latestPerKey.all().map(toRubric),
    /** Every version of one rubric, newest first. */
    versions: (key: string): Rubric[] => statements.versions.all(key).map(toRubric),
  }
}

const mapRubric = (row: RubricRow | undefined): Rubric | null => (row ? toRubric(row) : null)

function toRubric(row: RubricRow): Rubric {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    description: row.description,
    criteria: parseJsonColumn(criteriaSchema, row.criteria, `rubric ${row.key} v${row.version}`),
    createdAt: row.created_at,
  }
}
