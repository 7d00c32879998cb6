import { AppError } from '../../../../shared/contract'
import type { Run } from '../../../../shared/domain/runs'
import type { RunSummary, SliceKey, SliceSummary } from '../../../../shared/domain/scoring'
import { distinctModels, identityOf, sliceId } from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../context'
import type { SliceCounts, TagCounts } from '../db/repos/run-aggregates'
import type { MetricMoments, TagMetricMoments } from '../db/repos/score-aggregates'
import { suiteMetrics, type SuiteMetric } from './metrics'
import { metricFromMoments } from './summary-metrics'
import { latencyPercentile } from './summary-latency'
import { latestSuite } from './suites'

/**
 * The run's slices in plan order (version × provider/model), plus any a result names that the plan does not,
 * in the order of their first result. The same model id through two providers is two slices. A completed
 * run lists only the planned slices that have results: a production sample's plan crosses every version
 * with every model of the log, though each version was called with only some of them.
 */
function sliceKeys(run: Run, counts: readonly SliceCounts[]): SliceKey[] {
  const keys = new Map<string, SliceKey>()
  const withResults = new Set(counts.filter((c) => c.results > 0).map((c) => sliceId(c)))
  const add = (k: SliceKey): void => {
    if (!keys.has(sliceId(k))) keys.set(sliceId(k), k)
  }
  const shown = (k: SliceKey) => run.status !== 'completed' || withResults.has(sliceId(k))
  for (const promptVersionId of run.plan.promptVersionIds)
    for (const m of distinctModels(run.plan.models)) {
      const key = { promptVersionId, ...identityOf(m) }
      if (shown(key)) add(key)
    }
  for (const c of [...counts].sort((a, b) => a.firstRow - b.firstRow))
    add({ promptVersionId: c.promptVersionId, provider: c.provider, modelId: c.modelId })
  return [...keys.values()]
}

const momentKey = (s: SliceKey, metric: string, hash: string, tag = ''): string =>
  `${sliceId(s)}\u0000${metric}\u0000${hash}\u0000${tag}`

function bySlice<T extends SliceKey>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const list = out.get(sliceId(r))
    if (list) list.push(r)
    else out.set(sliceId(r), [r])
  }
  return out
}

/** What SQLite summed up for the whole run, read once and looked up per slice. */
interface RunAggregates {
  counts: Map<string, SliceCounts>
  tags: Map<string, TagCounts[]>
  moments: Map<string, MetricMoments | TagMetricMoments>
  latencyN: Map<string, number>
  batchN: Map<string, number>
  judgeCost: Map<string, number>
}

interface SliceContext {
  ctx: CoreContext
  run: Run
  agg: RunAggregates
  metricsFor: (promptId: string) => SuiteMetric[]
}

function byTagOf(sc: SliceContext, key: SliceKey, metrics: readonly SuiteMetric[]): SliceSummary['byTag'] {
  // Sorted as JavaScript sorts strings (UTF-16 order), as the summary always listed them.
  const tags = [...(sc.agg.tags.get(sliceId(key)) ?? [])].sort((a, b) => (a.tag < b.tag ? -1 : 1))
  return tags.map((t) => ({
    tag: t.tag,
    n: t.results,
    metrics: metrics.map((m) =>
      metricFromMoments(m, sc.agg.moments.get(momentKey(key, m.metric, m.hash, t.tag))),
    ),
  }))
}

function summarizeSlice(sc: SliceContext, key: SliceKey, withTags: boolean): SliceSummary {
  const version = sc.ctx.repos.prompts.versionById(key.promptVersionId)
  const metrics = version ? sc.metricsFor(version.promptId) : []
  const counts = sc.agg.counts.get(sliceId(key))
  const timed = sc.agg.latencyN.get(sliceId(key)) ?? 0
  const latency = (p: number) => latencyPercentile(sc.ctx.repos.runAggregates, sc.run.id, key, timed, p)
  return {
    ...key,
    versionNumber: version?.number ?? 1,
    results: counts?.results ?? 0,
    errors: counts?.errors ?? 0,
    metrics: metrics.map((m) => metricFromMoments(m, sc.agg.moments.get(momentKey(key, m.metric, m.hash)))),
    byTag: withTags ? byTagOf(sc, key, metrics) : [],
    costPerInteractionUsd: counts && counts.priced > 0 ? counts.costUsd / counts.priced : null,
    totalCostUsd: counts?.costUsd ?? 0,
    latencyP50Ms: latency(50),
    latencyP95Ms: latency(95),
    latencyN: timed,
    batchResults: sc.agg.batchN.get(sliceId(key)) ?? 0,
    judgeCostUsd: sc.agg.judgeCost.get(sliceId(key)) ?? 0,
  }
}

function readAggregates(ctx: CoreContext, run: Run, hashes: string[], withTags: boolean): RunAggregates {
  const { runAggregates, scoreAggregates } = ctx.repos
  const moments = new Map<string, MetricMoments | TagMetricMoments>()
  for (const m of scoreAggregates.bySlice(run.id, hashes))
    moments.set(momentKey(m, m.metric, m.scorerHash), m)
  if (withTags)
    for (const m of scoreAggregates.byTag(run.id, hashes))
      moments.set(momentKey(m, m.metric, m.scorerHash, m.tag), m)
  return {
    counts: new Map(runAggregates.counts(run.id).map((c) => [sliceId(c), c])),
    tags: withTags ? bySlice(runAggregates.tagCounts(run.id)) : new Map<string, TagCounts[]>(),
    moments,
    latencyN: new Map(runAggregates.latencyExtents(run.id).map((e) => [sliceId(e), e.n])),
    batchN: new Map(runAggregates.batchAnswers(run.id).map((b) => [sliceId(b), b.n])),
    judgeCost: new Map(runAggregates.judgeCosts(run.id).map((j) => [sliceId(j), j.costUsd])),
  }
}

export interface SummaryOptions {
  /** Per-tag figures (the Summary tab's breakdown); a trend point needs only the slice's own. Default true. */
  byTag?: boolean
}

/**
 * Per slice of the run: results and errors, each metric of the current suite with its 95 % interval, the
 * same per case tag, cost per interaction, judge cost and P50/P95 latency. Reads only; scores nothing.
 * Every figure is aggregated by SQLite over indexes (migration 0013), so the time does not follow the run's size.
 */
export function summarizeRun(ctx: CoreContext, runId: string, options: SummaryOptions = {}): RunSummary {
  const run = ctx.repos.runs.get(runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
  const suites = new Map<string, { version: number; metrics: SuiteMetric[] }>()
  const suiteOf = (promptId: string) => {
    let entry = suites.get(promptId)
    if (!entry) {
      const suite = latestSuite(ctx, promptId)
      entry = { version: suite.version, metrics: suiteMetrics(ctx.repos, suite) }
      suites.set(promptId, entry)
    }
    return entry
  }
  const withTags = options.byTag ?? true
  const counts = ctx.repos.runAggregates.counts(run.id)
  const keys = sliceKeys(run, counts)
  const promptIds = new Set(
    keys.flatMap((k) => ctx.repos.prompts.versionById(k.promptVersionId)?.promptId ?? []),
  )
  const hashes = [...promptIds].flatMap((p) => suiteOf(p).metrics.map((m) => m.hash))
  const sc: SliceContext = {
    ctx,
    run,
    agg: readAggregates(ctx, run, hashes, withTags),
    metricsFor: (promptId) => suiteOf(promptId).metrics,
  }
  const slices = keys.map((k) => summarizeSlice(sc, k, withTags))
  return { runId, suiteVersion: firstSuiteVersion(ctx, run, suiteOf), slices }
}

/**
 * A run normally evaluates one prompt; its suite version is the one reported. With several prompts, the
 * first planned version's prompt decides (each slice is still scored with its own prompt's suite).
 */
function firstSuiteVersion(
  ctx: CoreContext,
  run: Run,
  suiteOf: (promptId: string) => { version: number },
): number {
  const first = run.plan.promptVersionIds[0]
  const version = first ? ctx.repos.prompts.versionById(first) : null
  return version ? suiteOf(version.promptId).version : 0
}
