import type { BundleExportRecord } from '../../../../../shared/domain/bundles'
import type { Db } from '../connection'

interface ExportRow {
  prompt_id: string
  folder: string
  exported_at: string
  exported_by: string
  manifest_sha256: string
  commit_sha: string | null
}

/** A sign-off row as the exporter reads it (the signoffs table itself belongs to the sign-off domain). */
export interface SignoffRow {
  name: string
  role: string
  comment: string
  signed_at: string
  run_content_hash: string
  files: string
  signature: string | null
}

export type BundleExportsRepo = ReturnType<typeof createBundleExportsRepo>

/** The record of baseline folders written to team repos, and the sign-offs an export carries. */
export function createBundleExportsRepo(db: Db) {
  const statements = {
    insert: db.prepare(
      `INSERT INTO bundle_exports (prompt_id, folder, exported_at, exported_by, manifest_sha256, commit_sha)
       VALUES (@promptId, @folder, @exportedAt, @exportedBy, @manifestSha256, @commitSha)`,
    ),
    forPrompt: db.prepare<[string], ExportRow>(
      `SELECT prompt_id, folder, exported_at, exported_by, manifest_sha256, commit_sha FROM bundle_exports
        WHERE prompt_id = ? ORDER BY exported_at DESC, id DESC`,
    ),
    signoffs: db.prepare<[string, string], SignoffRow>(
      `SELECT name, role, comment, signed_at, run_content_hash, files, signature FROM signoffs
        WHERE prompt_id = ? AND run_content_hash = ? ORDER BY signed_at, name, role`,
    ),
  }
  return {
    insert: (r: BundleExportRecord): void => {
      statements.insert.run(r)
    },
    /** Newest first. */
    forPrompt: (promptId: string): BundleExportRecord[] =>
      statements.forPrompt.all(promptId).map((row) => ({
        promptId: row.prompt_id,
        folder: row.folder,
        exportedAt: row.exported_at,
        exportedBy: row.exported_by,
        manifestSha256: row.manifest_sha256,
        commitSha: row.commit_sha,
      })),
    /** Sign-offs of exactly this baseline content (same results.jsonl hash), in signoffs.json order. */
    signoffsOfContent: (promptId: string, runContentHash: string): SignoffRow[] =>
      statements.signoffs.all(promptId, runContentHash),
  }
}
