import { AppError } from '../../../../shared/contract'
import type { CompareSlice } from '../../../../shared/domain/compare'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import { modelRefOf } from '../../../../shared/lib/model-identity'
import { modelLabel } from '../../../../shared/lib/model-ref'
import type { CoreContext } from '../context'
import { requireRun, requireSliceInRun, requireSliceVersion } from '../scoring/gates/slice'

/** A slice the caller named, checked against the workspace, with what labels and lookups need. */
export interface ResolvedSlice {
  slice: CompareSlice
  run: Run
  version: PromptVersion
  promptName: string
}

/**
 * The run must exist and contain the slice with results; the errors name the run and the slice, so the
 * screen can say which of its choices went stale (a deleted run, a slice the run never planned).
 */
export function resolveSlice(ctx: CoreContext, slice: CompareSlice): ResolvedSlice {
  const run = requireRun(ctx, slice.runId)
  const version = requireSliceVersion(ctx, slice)
  requireSliceInRun(ctx, run, slice, version.number)
  const prompt = ctx.repos.prompts.get(version.promptId)
  if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${version.promptId}`)
  return { slice, run, version, promptName: prompt.name }
}

/** "Ticket triage v4 · demo/triage-sim-2026-03 (run March vs September)": the provider tells two apart. */
export const seriesLabel = (r: ResolvedSlice): string =>
  `${r.promptName} v${r.version.number} · ${modelLabel(modelRefOf(r.slice))} (run ${r.run.name})`
