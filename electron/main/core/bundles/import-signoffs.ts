import type { Baseline } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../context'
import { newId } from '../ids'
import type { SignoffsFile } from './format'

/** Each sign-off of the folder, for the baseline it signs; one already stored (same prompt, content, name,
 *  role and time: the table's unique index) is skipped. Returns how many were added. */
export function importSignoffs(ctx: CoreContext, file: SignoffsFile, baseline: Baseline): number {
  let added = 0
  for (const entry of file.signoffs) {
    const inserted = ctx.repos.signoffs.insert({
      id: newId('so'),
      promptId: baseline.promptId,
      datasetSnapshotId: baseline.datasetSnapshotId,
      runId: baseline.runId,
      slice: baseline.slice,
      name: entry.name,
      role: entry.role,
      comment: entry.comment,
      signedAt: entry.signedAt,
      runContentHash: entry.runContentHash,
      files: entry.files,
      signature: entry.signature,
    })
    if (inserted) added++
  }
  return added
}

/** Sets the baseline as baseline.json records it; false when the workspace already had exactly that. */
export function importBaseline(ctx: CoreContext, baseline: Baseline): boolean {
  const current = ctx.repos.baselines.get(baseline.promptId, baseline.datasetSnapshotId)
  if (current && JSON.stringify(current) === JSON.stringify(baseline)) return false
  ctx.repos.baselines.set(baseline)
  return true
}
