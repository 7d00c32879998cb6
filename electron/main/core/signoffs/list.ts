import type { Signoff } from '../../../../shared/domain/bundles'
import type { CoreContext } from '../context'
import type { SignoffRecord } from '../db/repos/signoffs'
import { requirePrompt } from '../prompts/detail'
import { sameSlice } from '../scoring/gates/slice'
import { baselineContent } from './content'

/**
 * The prompt's sign-offs, newest first. A sign-off is current while its snapshot's baseline is still its
 * run slice and the exported results still hash the same (re-scoring or review can change them).
 */
export function listSignoffs(ctx: CoreContext, promptId: string): Signoff[] {
  requirePrompt(ctx.repos, promptId)
  const records = ctx.repos.signoffs.forPrompt(promptId)
  const baselines = ctx.repos.baselines.forPrompt(promptId)
  if (records.length === 0 || baselines.length === 0) {
    return records.map((r) => ({ ...r, current: false }))
  }
  // Built once per call: the export's results are those of the most recently set baseline.
  const { runContentHash } = baselineContent(ctx, promptId)
  const isCurrent = (r: SignoffRecord): boolean => {
    const baseline = baselines.find((b) => b.datasetSnapshotId === r.datasetSnapshotId)
    return (
      baseline !== undefined &&
      baseline.runId === r.runId &&
      sameSlice(baseline.slice, r.slice) &&
      r.runContentHash === runContentHash
    )
  }
  return records.map((r) => ({ ...r, current: isCurrent(r) }))
}
