import { z } from 'zod'
import type { CaseDraft } from '../../../../../shared/domain/case-drafts'
import { ownRecord } from '../../../../../shared/lib/own-record'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

/** A draft as stored: everything but the duplicate flags, which are worked out when drafts are listed. */
export type StoredDraft = Omit<CaseDraft, 'duplicates'>

export interface NewDraft extends StoredDraft {
  position: number
  createdBy: string
}

interface DraftRow {
  id: string
  dataset_id: string
  batch_id: string
  segment: string
  provider: string
  model_id: string
  vars: string
  expected: string
  expected_output: string | null
  tags: string
  notes: string
  created_at: string
}

const columns = `id, dataset_id, batch_id, segment, provider, model_id, vars, expected, expected_output, tags,
  notes, created_at`
const strings = z.array(z.string())
const vars = ownRecord(z.string(), z.string())
const expected = ownRecord(z.string(), z.unknown())

function toDraft(row: DraftRow): StoredDraft {
  const where = `case_drafts ${row.id}`
  return {
    id: row.id,
    datasetId: row.dataset_id,
    batchId: row.batch_id,
    segment: parseJsonColumn(strings, row.segment, where),
    model: { provider: row.provider, model: row.model_id },
    vars: parseJsonColumn(vars, row.vars, where),
    expected: parseJsonColumn(expected, row.expected, where),
    expectedOutput: row.expected_output,
    tags: parseJsonColumn(strings, row.tags, where),
    notes: row.notes,
    createdAt: row.created_at,
  }
}

function draftParams(d: Pick<StoredDraft, 'vars' | 'expected' | 'expectedOutput' | 'tags' | 'notes'>) {
  return {
    vars: JSON.stringify(d.vars),
    expected: JSON.stringify(d.expected),
    expectedOutput: d.expectedOutput,
    tags: JSON.stringify(d.tags),
    notes: d.notes,
  }
}

export type CaseDraftsRepo = ReturnType<typeof createCaseDraftsRepo>

/** Generated cases waiting for review (migration 0021); accepted and rejected ones are kept, not listed. */
export function createCaseDraftsRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO case_drafts (id, dataset_id, batch_id, position, segment, provider, model_id, vars, expected,
         expected_output, tags, notes, created_at, created_by)
       VALUES (@id, @datasetId, @batchId, @position, @segment, @provider, @modelId, @vars, @expected,
         @expectedOutput, @tags, @notes, @createdAt, @createdBy)`,
    ),
    pending: db.prepare<[string], DraftRow>(
      `SELECT ${columns} FROM case_drafts WHERE dataset_id = ? AND state = 'pending'
        ORDER BY created_at, batch_id, position`,
    ),
    pendingByIds: db.prepare<[string], DraftRow>(
      `SELECT ${columns} FROM case_drafts
        WHERE id IN (SELECT value FROM json_each(?)) AND state = 'pending'
        ORDER BY created_at, batch_id, position`,
    ),
    update: db.prepare(
      `UPDATE case_drafts SET vars = @vars, expected = @expected, expected_output = @expectedOutput,
         tags = @tags, notes = @notes WHERE id = @id AND state = 'pending'`,
    ),
    decide: db.prepare(
      `UPDATE case_drafts SET state = @state, decided_at = @at, decided_by = @by, case_id = @caseId
        WHERE id = @id AND state = 'pending'`,
    ),
  }
  return {
    insertMany(drafts: readonly NewDraft[]): void {
      for (const d of drafts) {
        s.insert.run({
          ...draftParams(d),
          id: d.id,
          datasetId: d.datasetId,
          batchId: d.batchId,
          position: d.position,
          segment: JSON.stringify(d.segment),
          provider: d.model.provider,
          modelId: d.model.model,
          createdAt: d.createdAt,
          createdBy: d.createdBy,
        })
      }
    },
    pending: (datasetId: string): StoredDraft[] => s.pending.all(datasetId).map(toDraft),
    /** The pending drafts among `ids`, in list order; decided or unknown ids are left out. */
    pendingByIds: (ids: readonly string[]): StoredDraft[] =>
      s.pendingByIds.all(JSON.stringify(ids)).map(toDraft),
    update: (draft: StoredDraft): boolean =>
      s.update.run({ ...draftParams(draft), id: draft.id }).changes === 1,
    decide(
      id: string,
      decision: { state: 'accepted' | 'rejected'; at: string; by: string; caseId: string | null },
    ): boolean {
      return s.decide.run({ id, ...decision }).changes === 1
    },
  }
}
