import type { PromptTrend } from '../../../../shared/domain/compare'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import type { RunSummary, SliceKey } from '../../../../shared/domain/scoring'
import { distinctModels, identityOf, sameIdentity } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import { requirePrompt } from '../prompts/detail'
import { sameSlice } from '../scoring/gates/slice'
import { summarizeRun } from '../scoring/summary'

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
    .filter(({ slice }) => ctx.repos.runAggregates.hasResults(run.id, slice))
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

type Summaries = (runId: string) => RunSummary

function pointOf(summaries: Summaries, number: number, { run, slice }: RunSlice): TrendPoint | null {
  const summary = summaries(run.id).slices.find((s) => sameSlice(s, slice))
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
  // A point needs its slice's own figures, not the per-tag breakdown; a run several versions share is read once.
  const cache = new Map<string, RunSummary>()
  const summaries: Summaries = (runId) => {
    const summary = cache.get(runId) ?? summarizeRun(ctx, runId, { byTag: false })
    cache.set(runId, summary)
    return summary
  }
  const points = versions.flatMap((v) => {
    const found = latestSliceOf(ctx, completed, v)
    const point = found ? pointOf(summaries, v.number, found) : null
    return point ? [point] : []
  })
  return { promptId, points }
}
