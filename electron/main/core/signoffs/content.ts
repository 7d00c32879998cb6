import { AppError } from '../../../../shared/contract'
import type { FileHashes } from '../../../../shared/domain/bundles'
import type { CoreContext } from '../context'
import { buildBundle } from '../bundles/build'
import { bundlePaths, signedPaths } from '../bundles/format'
import { fileHashes, sha256Ref } from '../bundles/hash'

/** What a sign-off of the prompt's current baseline covers, taken from the export exactly as it would be written. */
export interface BaselineContent {
  promptName: string
  /** "sha256:…" of baseline/results.jsonl as exported. */
  runContentHash: string
  /** Hashes of the signed files (signedPaths). */
  files: FileHashes
}

export function baselineContent(ctx: CoreContext, promptId: string): BaselineContent {
  const bundle = buildBundle(ctx, promptId)
  const results = bundle.files.get(bundlePaths.results)
  if (results === undefined) {
    throw new AppError('INTERNAL', `The export of "${bundle.promptName}" has no ${bundlePaths.results}`)
  }
  return {
    promptName: bundle.promptName,
    runContentHash: sha256Ref(results),
    files: fileHashes(bundle.files, signedPaths),
  }
}
