import { resolve, join } from 'node:path'
import type { BundleExport } from '../../../../shared/domain/bundles'
import type { CoreContext } from '../context'
import { writeTransaction } from '../context'
import { buildBundle } from './build'
import { writeBundleFolder } from './folder'
import { bundlePaths } from './format'
import { commitFolder } from './git'
import { sha256Ref } from './hash'

export interface ExportInput {
  promptId: string
  folder: string
  commit: boolean
  commitMessage: string
}

/**
 * Writes `<folder>/<prompt-slug>/`, optionally commits exactly that folder, and records the export. The files
 * are built from one read of the workspace; the record is written after git so it carries the commit.
 */
export async function exportBundle(ctx: CoreContext, input: ExportInput): Promise<BundleExport> {
  const bundle = buildBundle(ctx, input.promptId)
  const folder = join(resolve(input.folder), bundle.slug)
  const files = writeBundleFolder(folder, bundle.files)
  const message = input.commitMessage || `Eval Lab: baseline of ${bundle.promptName}`
  const commit = input.commit ? await commitFolder(folder, message) : null
  const exportedAt = ctx.now()
  writeTransaction(ctx, () => {
    ctx.repos.bundleExports.insert({
      promptId: input.promptId,
      folder,
      exportedAt,
      exportedBy: ctx.user,
      manifestSha256: sha256Ref(bundle.files.get(bundlePaths.manifest) ?? ''),
      commitSha: commit?.sha ?? null,
    })
    ctx.repos.audit.append({
      at: exportedAt,
      actor: ctx.user,
      action: 'bundle.exported',
      entityType: 'prompt',
      entityId: input.promptId,
      details: { folder, changed: files.filter((f) => f.changed).map((f) => f.path), commit },
    })
  })
  return { folder, files, commit }
}
