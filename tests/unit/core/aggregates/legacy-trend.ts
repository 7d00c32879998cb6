import type { PromptTrend } from '../../../../shared/domain/compare'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import type { SliceKey } from '../../../../shared/domain/scoring'
import { distinctModels, identityOf, sameIdentity, sliceOf } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../../../../electron/main/core/context'
import { requirePrompt } from '../../../../electron/main/core/prompts/detail'
import { sameSlice } from '../../../../electron/main/core/scoring/gates/slice'
import { summarizeRun } from './legacy-summary'

type TrendPoint = PromptTrend['points'][number]

interface RunSlice {
  run: Run
  slice: SliceKey
}

/** Planned slices of the version in the run that produced results. */
function slicesOfVersion(ctx: CoreContext, run: Run, versionId: string): RunSlice[] {
  if (!run.plan.promptVersionIds.includes(versionId)) return []
  return distinctModels(run.plan.models)
    .map((m) => ({ run, slice: { promptVersionId: versionId, ...identityOf(m) } }))
    .filter(({ slice }) => ctx.repos.runResults.count(run.id, sliceOf(slice)) > 0)
}

/**
 * The version's newest completed run slice. Its pinned model is preferred: the trend should show the
 * version as it ships, not an experiment with another model — which still counts when nothing else ran.
 */
function latestSliceOf(ctx: CoreContext, completed: readonly Run[], version: PromptVersion): RunSlice | null {
  const all = completed.flatMap((run) => slicesOfVersion(ctx, run, version.id))
  const pinned = all.filter(({ slice }) => sameIdentity(slice, identityOf(version.model)))
  return pinned[0] ?? all[0] ?? null
}

function pointOf(ctx: CoreContext, number: number, { run, slice }: RunSlice): TrendPoint | null {
  const summary = summarizeRun(ctx, run.id).slices.find((s) => sameSlice(s, slice))
  if (!summary) return null
  return {
    versionNumber: number,
    runId: run.id,
    runName: run.name,
    provider: slice.provider,
    modelId: slice.modelId,
    createdAt: run.createdAt,
    metrics: summary.metrics.filter((m) => m.n > 0),
    costPerInteractionUsd: summary.costPerInteractionUsd,
    latencyP95Ms: summary.latencyP95Ms,
  }
}

/** One point per version that has a completed run, oldest version first. */
export function promptTrend(ctx: CoreContext, promptId: string): PromptTrend {
  requirePrompt(ctx.repos, promptId)
  // runs.list is newest first, so the first match per version is its latest run.
  const completed = ctx.repos.runs.list().filter((r) => r.status === 'completed')
  const versions = ctx.repos.prompts
    .versions(promptId)
    .flatMap((v) => ctx.repos.prompts.versionById(v.id) ?? [])
    .sort((a, b) => a.number - b.number)
  const points = versions.flatMap((v) => {
    const found = latestSliceOf(ctx, completed, v)
    const point = found ? pointOf(ctx, v.number, found) : null
    return point ? [point] : []
  })
  return { promptId, points }
}
