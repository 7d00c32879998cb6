import { AppError } from '../../../../shared/contract'
import type { Run } from '../../../../shared/domain/runs'
import type { RunSummary, SliceKey, SliceSummary } from '../../../../shared/domain/scoring'
import {
  distinctModels,
  identityOf,
  sameSlice,
  sliceId,
  sliceOf,
} from '../../../../shared/lib/model-identity'
import type { CoreContext } from '../../../../electron/main/core/context'
import type { ResultFacts } from '../../../../electron/main/core/db/repos/run-scores'
import { suiteMetrics, type SuiteMetric } from '../../../../electron/main/core/scoring/metrics'
import { groupCurrentScores, metricSummaries } from '../../../../electron/main/core/scoring/summary-metrics'
import { callFigures } from './legacy-figures'
import { latestSuite } from '../../../../electron/main/core/scoring/suites'

/**
 * The run's slices in plan order (version × provider/model), plus any a result names that the plan does not.
 * The same model id through two providers is two slices.
 */
function sliceKeys(run: Run, facts: readonly ResultFacts[]): SliceKey[] {
  const keys = new Map<string, SliceKey>()
  const add = (k: SliceKey): void => {
    if (!keys.has(sliceId(k))) keys.set(sliceId(k), k)
  }
  for (const promptVersionId of run.plan.promptVersionIds)
    for (const m of distinctModels(run.plan.models)) add({ promptVersionId, ...identityOf(m) })
  for (const f of facts) add(sliceOf(f))
  return [...keys.values()]
}

interface SliceContext {
  ctx: CoreContext
  run: Run
  tagsOf: Map<string, readonly string[]>
  judgeCost: (key: SliceKey) => number
  metricsFor: (promptId: string) => SuiteMetric[]
}

function tagsOfSlice(facts: readonly ResultFacts[], tagsOf: Map<string, readonly string[]>): string[] {
  const tags = new Set<string>()
  for (const f of facts) for (const t of tagsOf.get(f.caseId) ?? []) tags.add(t)
  return [...tags].sort()
}

function summarizeSlice(sc: SliceContext, key: SliceKey, facts: readonly ResultFacts[]): SliceSummary {
  const version = sc.ctx.repos.prompts.versionById(key.promptVersionId)
  const metrics = version ? sc.metricsFor(version.promptId) : []
  const scores = sc.ctx.repos.runScores.list(sc.run.id, {
    ...sliceOf(key),
    scorerHashes: metrics.map((m) => m.hash),
  })
  const byMetric = groupCurrentScores(metrics, scores)
  const hasTag = (caseId: string, tag: string): boolean => sc.tagsOf.get(caseId)?.includes(tag) ?? false
  return {
    ...key,
    versionNumber: version?.number ?? 1,
    results: facts.length,
    errors: facts.filter((f) => f.failed).length,
    metrics: metricSummaries(metrics, byMetric),
    byTag: tagsOfSlice(facts, sc.tagsOf).map((tag) => ({
      tag,
      n: facts.filter((f) => hasTag(f.caseId, tag)).length,
      metrics: metricSummaries(metrics, byMetric, (s) => hasTag(s.caseId, tag)),
    })),
    ...callFigures(facts),
    judgeCostUsd: sc.judgeCost(key),
  }
}

/**
 * Per slice of the run: results and errors, each metric of the current suite with its 95 % interval, the
 * same per case tag, cost per interaction, judge cost and P50/P95 latency. Reads only; scores nothing.
 */
export function summarizeRun(ctx: CoreContext, runId: string): RunSummary {
  const run = ctx.repos.runs.get(runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
  const facts = ctx.repos.runScores.facts(runId)
  const cases = ctx.repos.snapshots.allCases(run.datasetSnapshotId)
  const judgeCosts = ctx.repos.scoreCalls.costs(runId)
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
  const sc: SliceContext = {
    ctx,
    run,
    tagsOf: new Map(cases.map((c) => [c.id, c.tags])),
    judgeCost: (k) => judgeCosts.filter((j) => sameSlice(j, k)).reduce((sum, j) => sum + j.costUsd, 0),
    metricsFor: (promptId) => suiteOf(promptId).metrics,
  }
  const factsBySlice = new Map<string, ResultFacts[]>()
  for (const f of facts) {
    const id = sliceId(f)
    const list = factsBySlice.get(id)
    if (list) list.push(f)
    else factsBySlice.set(id, [f])
  }
  const slices = sliceKeys(run, facts).map((k) => summarizeSlice(sc, k, factsBySlice.get(sliceId(k)) ?? []))
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
