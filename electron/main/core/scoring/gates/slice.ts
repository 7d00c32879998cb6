import { AppError } from '../../../../../shared/contract'
import type { PromptVersion } from '../../../../../shared/domain/prompts'
import type { Run } from '../../../../../shared/domain/runs'
import type { SliceKey } from '../../../../../shared/domain/scoring'
import { identityOf, sameIdentity, sliceOf } from '../../../../../shared/lib/model-identity'
import type { CoreContext } from '../../context'

/** "v5 × demo/triage-sim-2026-09", as people name a slice. */
export const sliceName = (versionNumber: number, slice: SliceKey): string =>
  `v${versionNumber} × ${slice.provider}/${slice.modelId}`

// A slice is (prompt version × provider/model): the same model id through two providers is two slices.
export { inSlice, sameSlice } from '../../../../../shared/lib/model-identity'

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
    plan.models.some((m) => sameIdentity(identityOf(m), slice))
  const results = planned ? ctx.repos.runResults.count(run.id, sliceOf(slice)) : 0
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
