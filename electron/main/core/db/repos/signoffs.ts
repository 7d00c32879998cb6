import { fileHashesSchema, signatureSchema, type Signoff } from '../../../../../shared/domain/bundles'
import { sliceKeySchema } from '../../../../../shared/domain/scoring'
import type { Db } from '../connection'
import { parseJsonColumn } from './json'

/** A sign-off as stored; whether it is `current` depends on the baseline now and is worked out by the caller. */
export type SignoffRecord = Omit<Signoff, 'current'>

interface SignoffRow {
  id: string
  prompt_id: string
  dataset_snapshot_id: string
  run_id: string
  slice: string
  name: string
  role: string
  comment: string
  signed_at: string
  run_content_hash: string
  files: string
  signature: string | null
}

const columns = `id, prompt_id, dataset_snapshot_id, run_id, slice, name, role, comment, signed_at,
  run_content_hash, files, signature`
const nullableSignatureSchema = signatureSchema.nullable()

export type SignoffsRepo = ReturnType<typeof createSignoffsRepo>

/** Sign-offs are evidence: inserted once, never changed (they go with their prompt). */
export function createSignoffsRepo(db: Db) {
  const statements = {
    // OR IGNORE: the same sign-off imported twice (same prompt, content, name, role and time) is kept once.
    insert: db.prepare(
      `INSERT OR IGNORE INTO signoffs (${columns})
       VALUES (@id, @promptId, @datasetSnapshotId, @runId, @slice, @name, @role, @comment, @signedAt,
         @runContentHash, @files, @signature)`,
    ),
    forPrompt: db.prepare<[string], SignoffRow>(
      `SELECT ${columns} FROM signoffs WHERE prompt_id = ? ORDER BY signed_at DESC, rowid DESC`,
    ),
  }
  return {
    /** False when an identical sign-off (prompt, content hash, name, role, time) is already stored. */
    insert: (s: SignoffRecord): boolean =>
      statements.insert.run({
        id: s.id,
        promptId: s.promptId,
        datasetSnapshotId: s.datasetSnapshotId,
        runId: s.runId,
        slice: JSON.stringify(s.slice),
        name: s.name,
        role: s.role,
        comment: s.comment,
        signedAt: s.signedAt,
        runContentHash: s.runContentHash,
        files: JSON.stringify(s.files),
        signature: s.signature ? JSON.stringify(s.signature) : null,
      }).changes > 0,
    /** Newest first. */
    forPrompt: (promptId: string): SignoffRecord[] => statements.forPrompt.all(promptId).map(toRecord),
  }
}

function toRecord(row: SignoffRow): SignoffRecord {
  const where = `signoffs ${row.id}`
  return {
    id: row.id,
    promptId: row.prompt_id,
    datasetSnapshotId: row.dataset_snapshot_id,
    runId: row.run_id,
    slice: parseJsonColumn(sliceKeySchema, row.slice, where),
    name: row.name,
    role: row.role,
    comment: row.comment,
    signedAt: row.signed_at,
    runContentHash: row.run_content_hash,
    files: parseJsonColumn(fileHashesSchema, row.files, where),
    signature: row.signature === null ? null : parseJsonColumn(nullableSignatureSchema, row.signature, where),
  }
}
