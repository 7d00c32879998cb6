import { resolve } from 'node:path'
import { AppError } from '../../../../shared/contract'
import type { BundleImport } from '../../../../shared/domain/bundles'
import { exportBundle } from '../bundles/export'
import { readBundleFiles, readBundleFolder, requireFolder } from '../bundles/folder'
import { importBundle } from '../bundles/import'
import { verifyBundle } from '../bundles/verify'
import type { Handlers } from '../dispatch'
import { requirePrompt } from '../prompts/detail'
import type { CoreContext } from '../context'

type BundleHandlers = Pick<
  Handlers,
  'bundles.export' | 'bundles.exports' | 'bundles.verify' | 'bundles.import'
>

/**
 * A folder is verified before it is imported: a tampered file or a sign-off over other content must not
 * enter the workspace as the team's baseline. Signers are not checked here (that is `verify`'s job in CI).
 */
async function verifiedImport(ctx: CoreContext, folder: string): Promise<BundleImport> {
  const files = readBundleFolder(folder)
  const report = verifyBundle(folder, files, [])
  if (!report.ok) {
    const problems = report.problems.map((p) => (p.file ? `${p.file}: ${p.message}` : p.message))
    throw new AppError('INVALID_INPUT', `${folder} does not verify: ${problems.join('; ')}`, {
      problems: report.problems,
    })
  }
  return importBundle(ctx, files)
}

/** Baseline folders in a team repo: export (optionally committed), verify, import. */
export function bundleHandlers(ctx: CoreContext): BundleHandlers {
  return {
    'bundles.export': (input) => exportBundle(ctx, input),
    'bundles.exports': ({ promptId }) => {
      requirePrompt(ctx.repos, promptId)
      return ctx.repos.bundleExports.forPrompt(promptId)
    },
    // A missing file is a finding of the check, not an error: the report names it.
    'bundles.verify': ({ folder, allowedSigners }) => {
      const full = resolve(folder)
      requireFolder(full)
      return verifyBundle(full, readBundleFiles(full).files, allowedSigners)
    },
    'bundles.import': ({ folder }) => verifiedImport(ctx, resolve(folder)),
  }
}
