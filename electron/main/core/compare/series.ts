import type { CompareData, CompareSeries, CompareSlice } from '../../../../shared/domain/compare'
import type { MetricSummary, RunSummary, SliceSummary } from '../../../../shared/domain/scoring'
import { latencyBins, type LatencyBins } from '../../../../shared/lib/latency-bins'
import { sliceId } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import type { LatencyExtent, TagCounts } from '../db/repos/run-aggregates'
import { sameSlice } from '../scoring/gates/slice'
import { latestSuite } from '../scoring/suites'
import { summarizeRun } from '../scoring/summary'
import { costByTag } from './figures'
import { resolveSlice, seriesLabel, type ResolvedSlice } from './slices'

/** Several slices often share a run: its summary and aggregates are read once per request. */
function memo<T>(load: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (!cache.has(key)) cache.set(key, load(key))
    return cache.get(key) as T
  }
}

interface RunReads {
  summary: (runId: string) => RunSummary
  /** Per slice id: results and costs per case tag. */
  tags: (runId: string) => Map<string, TagCounts[]>
  /** Per slice id: answered calls with a latency, and the slowest. */
  latency: (runId: string) => Map<string, LatencyExtent>
}

function groupBySlice(rows: readonly TagCounts[]): Map<string, TagCounts[]> {
  const out = new Map<string, TagCounts[]>()
  for (const r of rows) out.set(sliceId(r), [...(out.get(sliceId(r)) ?? []), r])
  return out
}

function runReads(ctx: CoreContext): RunReads {
  const repo = ctx.repos.runAggregates
  return {
    summary: memo((runId) => summarizeRun(ctx, runId)),
    tags: memo((runId) => groupBySlice(repo.tagCounts(runId))),
    latency: memo((runId) => new Map(repo.latencyExtents(runId).map((e) => [sliceId(e), e]))),
  }
}

// A metric nobody has scored yet (n = 0) has nothing to chart; it is left out rather than drawn as zero.
const scored = (metrics: readonly MetricSummary[]): MetricSummary[] => metrics.filter((m) => m.n > 0)

function sliceSummaryOf(summary: RunSummary, slice: CompareSlice): SliceSummary | null {
  return summary.slices.find((s) => sameSlice(s, slice)) ?? null
}

function seriesOf(ctx: CoreContext, reads: RunReads, r: ResolvedSlice, bins: LatencyBins): CompareSeries {
  const { slice, run } = r
  const summary = sliceSummaryOf(reads.summary(run.id), slice)
  const timed = reads.latency(run.id).get(sliceId(slice))?.n ?? 0
  const counts = timed === 0 ? new Array<number>(bins.count).fill(0) : undefined
  return {
    ...slice,
    label: seriesLabel(r),
    promptId: r.version.promptId,
    promptName: r.promptName,
    versionNumber: r.version.number,
    runName: run.name,
    datasetSnapshotId: run.datasetSnapshotId,
    results: summary?.results ?? 0,
    errors: summary?.errors ?? 0,
    metrics: scored(summary?.metrics ?? []),
    byTag: (summary?.byTag ?? []).map((t) => ({ ...t, metrics: scored(t.metrics) })),
    costPerInteractionUsd: summary?.costPerInteractionUsd ?? null,
    totalCostUsd: summary?.totalCostUsd ?? 0,
    costByTag: costByTag(reads.tags(run.id).get(sliceId(slice)) ?? []),
    latencyP50Ms: summary?.latencyP50Ms ?? null,
    latencyP95Ms: summary?.latencyP95Ms ?? null,
    latencyN: timed,
    batchResults: summary?.batchResults ?? 0,
    latencyHistogram: {
      binMs: bins.binMs,
      counts: counts ?? ctx.repos.runAggregates.latencyHistogram(run.id, slice, bins.binMs, bins.count - 1),
    },
  }
}

/** The SLO line of the latency chart: the first slice's prompt's P95 gate, if its suite sets one. */
function latencySlo(ctx: CoreContext, first: ResolvedSlice | undefined): number | null {
  if (!first) return null
  const gate = latestSuite(ctx, first.version.promptId).gates.find((g) => g.kind === 'max_p95_latency_ms')
  return gate?.kind === 'max_p95_latency_ms' ? gate.maxMs : null
}

/**
 * One series per slice, in the order asked, with the figures of the run summary plus what charts need; the
 * latency histogram's bins are shared by all series and reach the slowest call of any.
 */
export function compareData(ctx: CoreContext, slices: readonly CompareSlice[]): CompareData {
  const resolved = slices.map((s) => resolveSlice(ctx, s))
  const reads = runReads(ctx)
  const slowest = Math.max(
    0,
    ...resolved.map((r) => reads.latency(r.run.id).get(sliceId(r.slice))?.maxMs ?? 0),
  )
  const bins = latencyBins(slowest)
  return {
    series: resolved.map((r) => seriesOf(ctx, reads, r, bins)),
    latencySloMs: latencySlo(ctx, resolved[0]),
  }
}
