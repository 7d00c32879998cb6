import { signatureSchema, fileHashesSchema } from '../../../../shared/domain/bundles'
import type { Repos } from '../db/repos'
import { parseJsonColumn } from '../db/repos/json'
import type { SignoffEntry, SignoffsFile } from './format'

/** signoffs.json: the sign-offs of exactly this results.jsonl content, by time, name, role. */
export function buildSignoffsFile(repos: Repos, promptId: string, runContentHash: string): SignoffsFile {
  const signoffs: SignoffEntry[] = repos.bundleExports
    .signoffsOfContent(promptId, runContentHash)
    .map((row) => {
      const where = `sign-off by ${row.name} at ${row.signed_at}`
      return {
        name: row.name,
        role: row.role,
        signedAt: row.signed_at,
        comment: row.comment,
        runContentHash: row.run_content_hash,
        files: parseJsonColumn(fileHashesSchema, row.files, where),
        signature: row.signature === null ? null : parseJsonColumn(signatureSchema, row.signature, where),
      }
    })
  return { format: 'evallab.signoffs', version: 1, signoffs }
}
