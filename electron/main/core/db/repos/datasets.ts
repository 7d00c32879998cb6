import type { DatasetSummary } from '../../../../../shared/domain/datasets'
import type { Db } from '../connection'

interface DatasetRow {
  id: string
  name: string
  description: string
  updated_at: string
  case_count: number
}

export interface NewDataset {
  id: string
  name: string
  description: string
  createdAt: string
}

export interface NewCase {
  id: string
  datasetId: string
  key: string
  position: number
  vars: Record<string, unknown>
  expected: Record<string, unknown>
  expectedOutput: string | null
  tags: string[]
  notes: string
}

export type DatasetsRepo = ReturnType<typeof createDatasetsRepo>

export function createDatasetsRepo(db: Db) {
  const statements = {
    list: db.prepare<[], DatasetRow>(
      `SELECT d.id, d.name, d.description, d.updated_at,
              (SELECT COUNT(*) FROM dataset_cases c WHERE c.dataset_id = d.id) AS case_count
         FROM datasets d ORDER BY d.name COLLATE NOCASE`,
    ),
    tagCounts: db.prepare<[string], { tag: string; n: number }>(
      `SELECT t.value AS tag, COUNT(*) AS n
         FROM dataset_cases c, json_each(c.tags) t
        WHERE c.dataset_id = ?
        GROUP BY t.value ORDER BY t.value`,
    ),
    insertDataset: db.prepare(
      'INSERT INTO datasets (id, name, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ),
    insertCase: db.prepare(
      `INSERT INTO dataset_cases (id, dataset_id, case_key, position, vars, expected, expected_output, tags, notes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  }

  return {
    list: (): DatasetSummary[] =>
      statements.list.all().map((row) => ({
        id: row.id,
        name: row.name,
        description: row.description,
        caseCount: row.case_count,
        tagCounts: Object.fromEntries(statements.tagCounts.all(row.id).map((t) => [t.tag, t.n])),
        updatedAt: row.updated_at,
      })),
    insertDataset: (d: NewDataset): void => {
      statements.insertDataset.run(d.id, d.name, d.description, d.createdAt, d.createdAt)
    },
    insertCase: (c: NewCase): void => {
      statements.insertCase.run(
        c.id,
        c.datasetId,
        c.key,
        c.position,
        JSON.stringify(c.vars),
        JSON.stringify(c.expected),
        c.expectedOutput,
        JSON.stringify(c.tags),
        c.notes,
      )
    },
  }
}
