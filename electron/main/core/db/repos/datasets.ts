import type { DatasetSummary } from '../../../../../shared/domain/datasets'
import type { Db } from '../connection'

interface DatasetRow {
  id: string
  name: string
  description: string
  updated_at: string
  parent_id: string | null
  case_count: number
  snapshot_count: number
}

export interface NewDataset {
  id: string
  name: string
  description: string
  parentId?: string | null
  createdAt: string
}

export interface DatasetUpdate {
  id: string
  name: string
  description: string
  updatedAt: string
}

const select = `SELECT d.id, d.name, d.description, d.updated_at, d.parent_id,
       (SELECT COUNT(*) FROM dataset_cases c WHERE c.dataset_id = d.id) AS case_count,
       (SELECT COUNT(*) FROM dataset_snapshots s WHERE s.dataset_id = d.id AND s.complete = 1) AS snapshot_count
  FROM datasets d`

export type DatasetsRepo = ReturnType<typeof createDatasetsRepo>

export function createDatasetsRepo(db: Db) {
  const statements = prepare(db)
  const summary = (row: DatasetRow | undefined): DatasetSummary | null =>
    row ? toSummary(row, statements.tagCounts.all(row.id)) : null
  return {
    list: (): DatasetSummary[] => statements.list.all().flatMap((row) => summary(row) ?? []),
    get: (id: string): DatasetSummary | null => summary(statements.get.get(id)),
    findByName: (name: string): DatasetSummary | null => summary(statements.byName.get(name)),
    insertDataset: (d: NewDataset): void => {
      statements.insert.run(d.id, d.name, d.description, d.parentId ?? null, d.createdAt, d.createdAt)
    },
    update: (d: DatasetUpdate): void => {
      statements.update.run(d.name, d.description, d.updatedAt, d.id)
    },
    /** Marks the dataset as changed: any write to its working cases calls this. */
    touch: (id: string, at: string): void => {
      statements.touch.run(at, id)
    },
    /** Cases and snapshots go with it (ON DELETE CASCADE); datasets made from it keep their cases. */
    delete: (id: string): void => {
      statements.delete.run(id)
    },
  }
}

function prepare(db: Db) {
  return {
    list: db.prepare<[], DatasetRow>(`${select} ORDER BY d.name COLLATE NOCASE`),
    get: db.prepare<[string], DatasetRow>(`${select} WHERE d.id = ?`),
    // datasets.name is COLLATE NOCASE, so this finds a name whatever its case.
    byName: db.prepare<[string], DatasetRow>(`${select} WHERE d.name = ?`),
    tagCounts: db.prepare<[string], { tag: string; n: number }>(
      `SELECT t.value AS tag, COUNT(*) AS n
         FROM dataset_cases c, json_each(c.tags) t
        WHERE c.dataset_id = ?
        GROUP BY t.value ORDER BY t.value`,
    ),
    insert: db.prepare(
      `INSERT INTO datasets (id, name, description, parent_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare('UPDATE datasets SET name = ?, description = ?, updated_at = ? WHERE id = ?'),
    touch: db.prepare('UPDATE datasets SET updated_at = ? WHERE id = ?'),
    delete: db.prepare('DELETE FROM datasets WHERE id = ?'),
  }
}

function toSummary(row: DatasetRow, tagCounts: { tag: string; n: number }[]): DatasetSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    caseCount: row.case_count,
    // The coverage summary: cases per tag, so a PM sees which segments are thin.
    tagCounts: Object.fromEntries(tagCounts.map((t) => [t.tag, t.n])),
    updatedAt: row.updated_at,
    snapshotCount: row.snapshot_count,
    parentId: row.parent_id,
  }
}
