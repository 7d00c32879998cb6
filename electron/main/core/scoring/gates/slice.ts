import { AppError } from '../../../../../shared/contract'
import type { PromptVersion } from '../../../../../shared/domain/prompts'
import type { Run } from '../../../../../shared/domain/runs'
import type { SliceKey } from '../../../../../shared/domain/scoring'
import type { CoreContext } from '../../api/context'

/** "v5 × demo/triage-sim-2026-09", as people name a slice. */
export const sliceName = (versionNumber: number, slice: SliceKey): string =>
  `v${versionNumber} × ${slice.provider}/${slice.modelId}`

export const sameSlice = (a: SliceKey, b: SliceKey): boolean =>
  a.promptVersionId === b.promptVersionId && a.provider === b.provider && a.modelId === b.modelId

/** Whether a stored result (or score) belongs to the slice. */
export const inSlice =
  (slice: SliceKey) =>
  (r: { promptVersionId: string; modelId: string; provider?: string }): boolean =>
    r.promptVersionId === slice.promptVersionId &&
    r.modelId === slice.modelId &&
    (r.provider === undefined || r.provider === slice.provider)

export function requireRun(ctx: CoreContext, runId: string): Run {
  const run = ctx.repos.runs.get(runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
  return run
}

export function requireSliceVersion(ctx: CoreContext, slice: SliceKey): PromptVersion {
  const version = ctx.repos.prompts.versionById(slice.promptVersionId)
  if (!version) throw new AppError('NOT_FOUND', `No prompt version with id ${slice.promptVersionId}`)
  return version
}

/**
 * A gate or a baseline is evidence about the whole dataset; a run cut short (paused, cancelled, stopped by
 * its canary) is not, whatever its first results say.
 */
export function requireCompleted(run: Run): void {
  if (run.status === 'completed') return
  const { done, total } = run.counts
  throw new AppError(
    'INVALID_INPUT',
    `Run "${run.name}" is ${run.status} with ${done} of ${total} results: finish it (resume) first`,
  )
}

/** The slice must be part of the run's plan and have produced results. */
export function requireSliceInRun(ctx: CoreContext, run: Run, slice: SliceKey, versionNumber: number): void {
  const { plan } = run
  const planned =
    plan.promptVersionIds.includes(slice.promptVersionId) &&
    plan.models.some((m) => m.provider === slice.provider && m.model === slice.modelId)
  const results = planned
    ? ctx.repos.runResults.count(run.id, { promptVersionId: slice.promptVersionId, modelId: slice.modelId })
    : 0
  if (results === 0) {
    const what = sliceName(versionNumber, slice)
    throw new AppError(
      'INVALID_INPUT',
      planned
        ? `Run "${run.name}" has no results for ${what} yet`
        : `Run "${run.name}" does not include ${what}`,
    )
  }
}
