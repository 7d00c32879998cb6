import type { CompareData, CompareSeries, CompareSlice } from '../../../../shared/domain/compare'

/** A series as compare.data shipped it before the core binned latencies. */
export type LegacySeries = Omit<CompareSeries, 'latencyHistogram'> & { latenciesMs: number[] }
import type { MetricSummary, RunSummary, SliceSummary } from '../../../../shared/domain/scoring'
import type { CoreContext } from '../../../../electron/main/core/context'
import type { ResultFacts } from '../../../../electron/main/core/db/repos/run-scores'
import { sameSlice, inSlice } from '../../../../electron/main/core/scoring/gates/slice'
import { latestSuite } from '../../../../electron/main/core/scoring/suites'
import { summarizeRun } from './legacy-summary'
import { answeredLatencies, costByTag, sampleEvenly } from './legacy-figures'
import { resolveSlice, seriesLabel, type ResolvedSlice } from '../../../../electron/main/core/compare/slices'

/** Several slices often share a run: its summary, facts and case tags are read once per request. */
function memo<T>(load: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>()
  return (key) => {
    if (!cache.has(key)) cache.set(key, load(key))
    return cache.get(key) as T
  }
}

interface RunReads {
  summary: (runId: string) => RunSummary
  facts: (runId: string) => ResultFacts[]
  tags: (snapshotId: string) => Map<string, readonly string[]>
}

function runReads(ctx: CoreContext): RunReads {
  return {
    summary: memo((runId) => summarizeRun(ctx, runId)),
    facts: memo((runId) => ctx.repos.runScores.facts(runId)),
    tags: memo((id) => new Map(ctx.repos.snapshots.allCases(id).map((c) => [c.id, c.tags]))),
  }
}

// A metric nobody has scored yet (n = 0) has nothing to chart; it is left out rather than drawn as zero.
const scored = (metrics: readonly MetricSummary[]): MetricSummary[] => metrics.filter((m) => m.n > 0)

function sliceSummaryOf(summary: RunSummary, slice: CompareSlice): SliceSummary | null {
  return summary.slices.find((s) => sameSlice(s, slice)) ?? null
}

function seriesOf(reads: RunReads, r: ResolvedSlice): LegacySeries {
  const { slice, run } = r
  const summary = sliceSummaryOf(reads.summary(run.id), slice)
  const facts = reads.facts(run.id).filter(inSlice(slice))
  return {
    ...slice,
    label: seriesLabel(r),
    promptId: r.version.promptId,
    promptName: r.promptName,
    versionNumber: r.version.number,
    runName: run.name,
    datasetSnapshotId: run.datasetSnapshotId,
    results: summary?.results ?? facts.length,
    errors: summary?.errors ?? 0,
    metrics: scored(summary?.metrics ?? []),
    byTag: (summary?.byTag ?? []).map((t) => ({ ...t, metrics: scored(t.metrics) })),
    costPerInteractionUsd: summary?.costPerInteractionUsd ?? null,
    totalCostUsd: summary?.totalCostUsd ?? 0,
    costByTag: costByTag(facts, reads.tags(run.datasetSnapshotId)),
    latencyP50Ms: summary?.latencyP50Ms ?? null,
    latencyP95Ms: summary?.latencyP95Ms ?? null,
    latencyN: summary?.latencyN ?? 0,
    batchResults: summary?.batchResults ?? 0,
    latenciesMs: sampleEvenly(answeredLatencies(facts)),
  }
}

/** The SLO line of the latency chart: the first slice's prompt's P95 gate, if its suite sets one. */
function latencySlo(ctx: CoreContext, first: ResolvedSlice | undefined): number | null {
  if (!first) return null
  const gate = latestSuite(ctx, first.version.promptId).gates.find((g) => g.kind === 'max_p95_latency_ms')
  return gate?.kind === 'max_p95_latency_ms' ? gate.maxMs : null
}

/** One series per slice, in the order asked, with the figures of the run summary plus what charts need. */
export function compareData(
  ctx: CoreContext,
  slices: readonly CompareSlice[],
): Omit<CompareData, 'series'> & { series: LegacySeries[] } {
  const resolved = slices.map((s) => resolveSlice(ctx, s))
  const reads = runReads(ctx)
  return { series: resolved.map((r) => seriesOf(reads, r)), latencySloMs: latencySlo(ctx, resolved[0]) }
}
