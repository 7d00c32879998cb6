import type { PromptTrend } from '../../../../shared/domain/compare'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Run } from '../../../../shared/domain/runs'
import type { RunSummary, SliceKey } from '../../../../shared/domain/scoring'
import {
  distinctModels,
  identityLabel,
  identityOf,
  sameIdentity,
} from '../../../../shared/lib/model-identity'
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
 * The version's newest completed run slice of each model (provider/model), the version's pinned model first:
 * the across-versions chart draws a line per model, so every model a version was run with is a point.
 */
function latestSlicesOf(ctx: CoreContext, completed: readonly Run[], version: PromptVersion): RunSlice[] {
  const newestPerModel = new Map<string, RunSlice>()
  for (const found of completed.flatMap((run) => slicesOfVersion(ctx, run, version.id))) {
    const key = identityLabel(found.slice)
    if (!newestPerModel.has(key)) newestPerModel.set(key, found)
  }
  const all = [...newestPerModel.values()]
  const pinned = (s: RunSlice) => sameIdentity(s.slice, identityOf(version.model))
  return [...all.filter(pinned), ...all.filter((s) => !pinned(s))]
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

/** One point per version × model with a completed run, oldest version first (pinned model first). */
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
  const points = versions.flatMap((v) =>
    latestSlicesOf(ctx, completed, v).flatMap((found) => pointOf(summaries, v.number, found) ?? []),
  )
  return { promptId, points }
}
