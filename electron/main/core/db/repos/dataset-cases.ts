import { z } from 'zod'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

interface CaseRow {
  id: string
  case_key: string
  vars: string
  expected: string
  expected_output: string | null
  tags: string
  notes: string
}

export type DatasetCasesRepo = ReturnType<typeof createDatasetCasesRepo>

/** Reading cases: pages for the editor's preview, and the variable names the workspace's cases provide. */
export function createDatasetCasesRepo(db: Db) {
  const statements = {
    exists: db.prepare<[string], { id: string }>('SELECT id FROM datasets WHERE id = ?'),
    count: db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM dataset_cases WHERE dataset_id = ?',
    ),
    page: db.prepare<[string, number, number], CaseRow>(
      `SELECT id, case_key, vars, expected, expected_output, tags, notes FROM dataset_cases
        WHERE dataset_id = ? ORDER BY position LIMIT ? OFFSET ?`,
    ),
    variableNames: db.prepare<[], { name: string }>(
      'SELECT DISTINCT v.key AS name FROM dataset_cases c, json_each(c.vars) v ORDER BY v.key',
    ),
  }
  return {
    datasetExists: (datasetId: string): boolean => statements.exists.get(datasetId) !== undefined,
    count: (datasetId: string): number => statements.count.get(datasetId)?.n ?? 0,
    /** Cases in position order, one page at a time (the UI never loads a dataset whole). */
    page: (datasetId: string, offset: number, limit: number): DatasetCase[] =>
      statements.page.all(datasetId, limit, offset).map(toCase),
    /** Every variable name any case in the workspace provides. */
    variableNames: (): Set<string> => new Set(statements.variableNames.all().map((r) => r.name)),
  }
}

const storedRecord = z.record(z.string(), z.unknown())

function toCase(row: CaseRow): DatasetCase {
  const where = `dataset case ${row.id}`
  return {
    id: row.id,
    key: row.case_key,
    vars: stringValues(parseJsonColumn(storedRecord, row.vars, where)),
    expected: parseJsonColumn(storedRecord, row.expected, where),
    expectedOutput: row.expected_output,
    tags: parseJsonColumn(z.array(z.string()), row.tags, where),
    notes: row.notes,
  }
}

/** Templates render strings; a number or object stored in a case is shown as its JSON text, not refused. */
function stringValues(vars: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
  )
}
