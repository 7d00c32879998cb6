import type { DatasetCase, DatasetSnapshot } from '../../../../../shared/domain/datasets'
import type { Db } from '../connection'
import { caseColumns, filterParams, filterSql, toCase, type CaseFilter, type CaseRow } from './case-rows'
import { snapshotDraftWrites } from './snapshot-drafts'

interface SnapshotRow {
  id: string
  dataset_id: string
  number: number
  message: string
  created_at: string
  created_by: string
  case_count: number
  content_hash: string
}

const snapshotColumns = 'id, dataset_id, number, message, created_at, created_by, case_count, content_hash'
// A member reads like a working case whose id is the working case's stable id.
const memberColumns = `m.case_id AS id, ${caseColumns('r')}`
const members = 'dataset_snapshot_cases m JOIN case_revisions r ON r.hash = m.revision_hash'
// A revision holds exactly the working case's fields, copied column for column.
const caseFieldColumns = 'case_key, vars, expected, expected_output, tags, notes, conversation, tool_results'

export type SnapshotsRepo = ReturnType<typeof createSnapshotsRepo>

/**
 * Immutable snapshots (the schema refuses updates): written once, read many times, gone with their dataset.
 * Reads see complete snapshots only; one still being written in chunks (a draft) is invisible.
 */
export function createSnapshotsRepo(db: Db) {
  return { ...snapshotReads(db), ...snapshotWrites(db), ...snapshotDraftWrites(db) }
}

function snapshotReads(db: Db) {
  type Filtered = { snapshotId: string; terms: string; tags: string }
  const where = `m.snapshot_id = @snapshotId AND ${filterSql('r')}`
  const statements = {
    list: db.prepare<[string], SnapshotRow>(
      `SELECT ${snapshotColumns} FROM dataset_snapshots WHERE dataset_id = ? AND complete = 1 ORDER BY number DESC`,
    ),
    get: db.prepare<[string], SnapshotRow>(
      `SELECT ${snapshotColumns} FROM dataset_snapshots WHERE id = ? AND complete = 1`,
    ),
    latest: db.prepare<[string], SnapshotRow>(
      `SELECT ${snapshotColumns} FROM dataset_snapshots WHERE dataset_id = ? AND complete = 1 ORDER BY number DESC LIMIT 1`,
    ),
    count: db.prepare<[Filtered], { n: number }>(`SELECT COUNT(*) AS n FROM ${members} WHERE ${where}`),
    page: db.prepare<[Filtered & { limit: number; offset: number }], CaseRow>(
      `SELECT ${memberColumns} FROM ${members} WHERE ${where} ORDER BY m.position LIMIT @limit OFFSET @offset`,
    ),
    all: db.prepare<[string], CaseRow>(
      `SELECT ${memberColumns} FROM ${members} WHERE m.snapshot_id = ? ORDER BY m.position`,
    ),
    from: db.prepare<[string, number, number], CaseRow & { position: number }>(
      `SELECT m.position, ${memberColumns} FROM ${members}
        WHERE m.snapshot_id = ? AND m.position >= ? ORDER BY m.position LIMIT ?`,
    ),
    keysOf: db.prepare<[{ snapshotId: string; ids: string }], { id: string; key: string }>(
      `SELECT m.case_id AS id, r.case_key AS key FROM ${members}
       WHERE m.snapshot_id = @snapshotId AND m.case_id IN (SELECT value FROM json_each(@ids))`,
    ),
    idOfKey: db.prepare<[string, string], { id: string }>(
      `SELECT m.case_id AS id FROM ${members} WHERE m.snapshot_id = ? AND r.case_key = ?`,
    ),
  }
  return {
    /** Newest first. */
    list: (datasetId: string): DatasetSnapshot[] => statements.list.all(datasetId).map(toSnapshot),
    get: (id: string): DatasetSnapshot | null => mapSnapshot(statements.get.get(id)),
    latest: (datasetId: string): DatasetSnapshot | null => mapSnapshot(statements.latest.get(datasetId)),
    countCases: (snapshotId: string, filter: CaseFilter = {}): number =>
      statements.count.get({ snapshotId, ...filterParams(filter) })?.n ?? 0,
    /** A page of the snapshot's cases, filtered like the working copy; ids are the working cases' ids. */
    pageCases: (snapshotId: string, offset: number, limit: number, filter: CaseFilter = {}): DatasetCase[] =>
      statements.page.all({ snapshotId, offset, limit, ...filterParams(filter) }).map(toCase),
    allCases: (snapshotId: string): DatasetCase[] => statements.all.all(snapshotId).map(toCase),
    /** Up to `limit` cases from `position` on, and the position after them: a big snapshot read in slices. */
    casesFrom: (
      snapshotId: string,
      position: number,
      limit: number,
    ): { cases: DatasetCase[]; next: number } => {
      const rows = statements.from.all(snapshotId, position, limit)
      return { cases: rows.map(toCase), next: (rows.at(-1)?.position ?? position - 1) + 1 }
    },
    /** The keys of some of the snapshot's cases (by working case id), without reading the whole snapshot. */
    caseKeys: (snapshotId: string, caseIds: readonly string[]): Map<string, string> =>
      new Map(
        statements.keysOf
          .all({ snapshotId, ids: JSON.stringify([...new Set(caseIds)]) })
          .map((r) => [r.id, r.key]),
      ),
    /** The case a key names in this snapshot (keys are unique in a dataset), or null. */
    caseIdOfKey: (snapshotId: string, key: string): string | null =>
      statements.idOfKey.get(snapshotId, key)?.id ?? null,
  }
}

function snapshotWrites(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO dataset_snapshots (${snapshotColumns}, complete)
       VALUES (@id, @datasetId, @number, @message, @createdAt, @createdBy, @caseCount, @contentHash, 0)`,
    ),
    // Members join only an incomplete snapshot; completing it checks they are all there.
    seal: db.prepare<[string]>('UPDATE dataset_snapshots SET complete = 1 WHERE id = ?'),
    // Content-addressed: a revision another snapshot already stored is shared, not written again.
    insertRevisions: db.prepare(
      `INSERT OR IGNORE INTO case_revisions (hash, ${caseFieldColumns})
       SELECT revision_hash, ${caseFieldColumns}
         FROM dataset_cases WHERE dataset_id = ? ORDER BY position, id`,
    ),
    insertMembers: db.prepare(
      `INSERT INTO dataset_snapshot_cases (snapshot_id, position, case_id, revision_hash)
       SELECT ?, row_number() OVER (ORDER BY position, id) - 1, id, revision_hash
         FROM dataset_cases WHERE dataset_id = ? ORDER BY position, id`,
    ),
    copyRevisions: db.prepare<[string, number, number]>(
      `INSERT OR IGNORE INTO case_revisions (hash, ${caseFieldColumns})
       SELECT revision_hash, ${caseFieldColumns}
         FROM dataset_cases WHERE dataset_id = ? AND position >= ? AND position < ? AND revision_hash IS NOT NULL`,
    ),
    lastPosition: db.prepare<[string], { last: number | null }>(
      'SELECT MAX(position) AS last FROM dataset_cases WHERE dataset_id = ?',
    ),
    removeUnused: db.prepare(
      'DELETE FROM case_revisions WHERE hash NOT IN (SELECT revision_hash FROM dataset_snapshot_cases)',
    ),
  }
  return {
    /**
     * Freezes the dataset's working copy as `snapshot`, in SQL: every working case must carry its revision hash
     * (a NULL one fails the NOT NULL constraint, so a snapshot can never be written half). The caller runs
     * this in the transaction that computed `snapshot.contentHash` from the same rows. Without revisions
     * (copied ahead by copyRevisionsBetween), a missing one fails the members' foreign key.
     */
    insertFromWorkingCopy: (snapshot: DatasetSnapshot, options = { withRevisions: true }): void => {
      statements.insert.run(snapshot)
      if (options.withRevisions) statements.insertRevisions.run(snapshot.datasetId)
      statements.insertMembers.run(snapshot.id, snapshot.datasetId)
      statements.seal.run(snapshot.id)
    },
    /**
     * Copies the revisions of the working cases at positions [from, to) ahead of a snapshot, so the snapshot's
     * own transaction finds them stored. Harmless on its own: revisions are content-addressed and immutable.
     */
    copyRevisionsBetween: (datasetId: string, from: number, to: number): number =>
      statements.copyRevisions.run(datasetId, from, to).changes,
    /** The highest position of the dataset's working cases, -1 when it has none. */
    lastWorkingPosition: (datasetId: string): number => statements.lastPosition.get(datasetId)?.last ?? -1,
    /** After a dataset is deleted: revisions no remaining snapshot uses. */
    removeUnusedRevisions: (): number => statements.removeUnused.run().changes,
  }
}

function mapSnapshot(row: SnapshotRow | undefined): DatasetSnapshot | null {
  return row ? toSnapshot(row) : null
}

function toSnapshot(row: SnapshotRow): DatasetSnapshot {
  return {
    id: row.id,
    datasetId: row.dataset_id,
    number: row.number,
    message: row.message,
    createdAt: row.created_at,
    createdBy: row.created_by,
    caseCount: row.case_count,
    contentHash: row.content_hash,
  }
}
