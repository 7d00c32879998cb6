import { AppError } from '../../../../shared/contract'
import type { QueueDraft, QueuePreview } from '../../../../shared/domain/review'
import type { CoreContext } from '../context'
import { planItems } from './create-queue'

const sliceKey = (o: { promptVersionId: string; provider: string; modelId: string }) =>
  `${o.promptVersionId}\u0000${o.provider}\u0000${o.modelId}`

/**
 * The items a queue made from this selection would hold, counted exactly as creating it selects them: a
 * sample draws cases and keeps each one's output of every slice, so a sample of 20 on 4 slices is 80 items.
 */
export function previewQueue(
  ctx: CoreContext,
  draft: Pick<QueueDraft, 'runId' | 'source' | 'mode' | 'pair'>,
): QueuePreview {
  const run = ctx.repos.runs.get(draft.runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${draft.runId}`)
  const cases = new Map(ctx.repos.snapshots.allCases(run.datasetSnapshotId).map((c) => [c.id, c]))
  const items = planItems(ctx, draft, cases)
  const outputs = items.flat()
  return {
    items: items.length,
    cases: new Set(outputs.map((o) => o.caseId)).size,
    slices: new Set(outputs.map(sliceKey)).size,
  }
}
