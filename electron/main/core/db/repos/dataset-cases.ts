import type { CaseFields, DatasetCase } from '../../../../../shared/domain/datasets'
import { revisionHash } from '../case-hash'
import type { Db } from '../connection'
import {
  caseColumns,
  caseParams,
  filterParams,
  filterSql,
  toCase,
  type CaseFilter,
  type CaseRow,
} from './case-rows'

export type { CaseFilter } from './case-rows'

/** A working case with where it sits: the dataset it belongs to and its place in the list. */
export interface StoredCase extends DatasetCase {
  datasetId: string
  position: number
}

export interface NewCase extends CaseFields {
  id: string
  datasetId: string
  position: number
}

interface StoredRow extends CaseRow {
  dataset_id: string
  position: number
}

const columns = `c.id, ${caseColumns('c')}`

export type DatasetCasesRepo = ReturnType<typeof createDatasetCasesRepo>

/** The working copy of each dataset: the editable cases, in position order. */
export function createDatasetCasesRepo(db: Db) {
  return { ...caseReads(prepareReads(db)), ...caseWrites(db) }
}

type Filtered = { datasetId: string; terms: string; tags: string }

function prepareReads(db: Db) {
  const where = `c.dataset_id = @datasetId AND ${filterSql('c')}`
  return {
    exists: db.prepare<[string], { id: string }>('SELECT id FROM datasets WHERE id = ?'),
    count: db.prepare<[Filtered], { n: number }>(`SELECT COUNT(*) AS n FROM dataset_cases c WHERE ${where}`),
    page: db.prepare<[Filtered & { limit: number; offset: number }], CaseRow>(
      `SELECT ${columns} FROM dataset_cases c WHERE ${where} ORDER BY c.position LIMIT @limit OFFSET @offset`,
    ),
    all: db.prepare<[string], CaseRow>(
      `SELECT ${columns} FROM dataset_cases c WHERE c.dataset_id = ? ORDER BY c.position`,
    ),
    first: db.prepare<[string], CaseRow>(
      `SELECT ${columns} FROM dataset_cases c WHERE c.dataset_id = ? ORDER BY c.position LIMIT 1`,
    ),
    byIds: db.prepare<[string], StoredRow>(
      `SELECT ${columns}, c.dataset_id, c.position FROM dataset_cases c
        WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.position`,
    ),
    revisions: db.prepare<[string], { id: string; revision_hash: string | null }>(
      'SELECT id, revision_hash FROM dataset_cases WHERE dataset_id = ? ORDER BY position, id',
    ),
    unhashed: db.prepare<[string], CaseRow>(
      `SELECT ${columns} FROM dataset_cases c WHERE c.dataset_id = ? AND c.revision_hash IS NULL`,
    ),
    keys: db.prepare<[string], { key: string }>(
      'SELECT case_key AS key FROM dataset_cases WHERE dataset_id = ?',
    ),
    nextPosition: db.prepare<[string], { next: number }>(
      'SELECT coalesce(MAX(position) + 1, 0) AS next FROM dataset_cases WHERE dataset_id = ?',
    ),
    variableNames: db.prepare<[], { name: string }>(
      'SELECT DISTINCT v.key AS name FROM dataset_cases c, json_each(c.vars) v ORDER BY v.key',
    ),
  }
}

function caseReads(statements: ReturnType<typeof prepareReads>) {
  return {
    datasetExists: (datasetId: string): boolean => statements.exists.get(datasetId) !== undefined,
    count: (datasetId: string, filter: CaseFilter = {}): number =>
      statements.count.get({ datasetId, ...filterParams(filter) })?.n ?? 0,
    /** Cases in position order, one page at a time (the UI never loads a dataset whole). */
    page: (datasetId: string, offset: number, limit: number, filter: CaseFilter = {}): DatasetCase[] =>
      statements.page.all({ datasetId, offset, limit, ...filterParams(filter) }).map(toCase),
    /** Every case of the dataset in order: for snapshots, exports, diffs and duplicate detection. */
    all: (datasetId: string): DatasetCase[] => statements.all.all(datasetId).map(toCase),
    /** The first case in position order, without reading the rest; null for an empty dataset. */
    first: (datasetId: string): DatasetCase | null => {
      const row = statements.first.get(datasetId)
      return row ? toCase(row) : null
    },
    /** The cases among `ids` that exist, in position order. */
    byIds: (ids: readonly string[]): StoredCase[] =>
      statements.byIds
        .all(JSON.stringify(ids))
        .map((row) => ({ ...toCase(row), datasetId: row.dataset_id, position: row.position })),
    /** Which revision each working case is, in order; null for a case stored before revisions existed. */
    revisions: (datasetId: string): { caseId: string; revisionHash: string | null }[] =>
      statements.revisions.all(datasetId).map((r) => ({ caseId: r.id, revisionHash: r.revision_hash })),
    /** The cases stored before revisions existed, which have no revision hash yet. */
    unhashed: (datasetId: string): DatasetCase[] => statements.unhashed.all(datasetId).map(toCase),
    keys: (datasetId: string): Set<string> => new Set(statements.keys.all(datasetId).map((r) => r.key)),
    nextPosition: (datasetId: string): number => statements.nextPosition.get(datasetId)?.next ?? 0,
    /** Every variable name any case in the workspace provides. */
    variableNames: (): Set<string> => new Set(statements.variableNames.all().map((r) => r.name)),
  }
}

/**
 * Every write stores the case's revision hash with it (content addressing belongs to storage): no caller can
 * change a case and leave a stale hash behind.
 */
function prepareWrites(db: Db) {
  return {
    insert: db.prepare(
      `INSERT INTO dataset_cases
         (id, dataset_id, case_key, position, vars, expected, expected_output, tags, notes, conversation,
          tool_results, revision_hash)
       VALUES (@id, @datasetId, @key, @position, @vars, @expected, @expectedOutput, @tags, @notes,
               @conversation, @toolResults, @hash)`,
    ),
    update: db.prepare(
      `UPDATE dataset_cases
          SET case_key = @key, position = @position, vars = @vars, expected = @expected,
              expected_output = @expectedOutput, tags = @tags, notes = @notes, conversation = @conversation,
              tool_results = @toolResults, revision_hash = @hash
        WHERE id = @id`,
    ),
    setHash: db.prepare('UPDATE dataset_cases SET revision_hash = ? WHERE id = ?'),
    deleteMany: db.prepare('DELETE FROM dataset_cases WHERE id IN (SELECT value FROM json_each(?))'),
  }
}

function caseWrites(db: Db) {
  const statements = prepareWrites(db)
  return {
    /** Runs inside the caller's transaction, so a batch lands whole or not at all. */
    insertMany: (cases: readonly NewCase[]): void => {
      for (const c of cases) {
        const hash = revisionHash(c)
        statements.insert.run({
          id: c.id,
          datasetId: c.datasetId,
          position: c.position,
          hash,
          ...caseParams(c),
        })
      }
    },
    /** Every field and the position of one working case; its id and dataset never change. */
    update: (c: { id: string; position: number } & CaseFields): void => {
      statements.update.run({ id: c.id, position: c.position, hash: revisionHash(c), ...caseParams(c) })
    },
    /** Fills in the revision hash of cases stored before revisions existed. */
    setRevisionHash: (id: string, hash: string): void => {
      statements.setHash.run(hash, id)
    },
    deleteMany: (ids: readonly string[]): number => statements.deleteMany.run(JSON.stringify(ids)).changes,
  }
}
