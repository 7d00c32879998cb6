import type { z } from 'zod'
import { operationalMetrics, type monitorValueSchema } from '../../../../shared/domain/production'
import type { CoreContext } from '../context'
import type { ResultFacts, StoredScore } from '../db/repos/run-scores'
import { suiteMetrics, type SuiteMetric } from '../scoring/metrics'
import { valueAt } from '../scoring/output'
import { meanInterval, percentile, wilsonInterval } from '../scoring/stats'
import { groupCurrentScores, metricSummary } from '../scoring/summary-metrics'
import { latestSuite } from '../scoring/suites'

export type MonitorValue = z.infer<typeof monitorValueSchema>

/** Labels of the metrics every import has, whatever the suite: they come from the log itself. */
export const operationalLabels: Record<string, string> = {
  'latency.p95_ms': 'P95 latency',
  'cost.per_interaction_usd': 'Cost per interaction',
  'error.rate': 'Error rate',
}

/** What the timeline and the alerts read of one import's run, loaded once. */
export interface ImportScores {
  runId: string
  metrics: SuiteMetric[]
  /** Metric → the current scorer's scores over the whole run (every version and model of the sample). */
  scores: Map<string, StoredScore[]>
  facts: ResultFacts[]
  /** resultKey() → when the call was made (run_results.created_at holds the logged call's time). */
  times: ReadonlyMap<string, string>
}

/** The prompt's current suite metrics, read once per monitor call. */
export function promptMetrics(ctx: CoreContext, promptId: string): SuiteMetric[] {
  return suiteMetrics(ctx.repos, latestSuite(ctx, promptId))
}

/** The expected field a rule compares with; null for scorers that judge the output alone. */
function expectedFieldOf(metric: SuiteMetric): string | null {
  const { config } = metric.scorer
  if (config.kind !== 'rule') return null
  return 'expectedField' in config.rule ? config.rule.expectedField : null
}

/**
 * What production data can measure: the suite metrics that need no expected answer (a logged call has none,
 * so a rule against an expected field never scores it), then the operational metrics every log carries.
 */
export function measurableMetrics(metrics: readonly SuiteMetric[]): string[] {
  // A case's own assertions live in its expected fields too: a logged call has none to run.
  const needsExpected = (m: SuiteMetric) =>
    expectedFieldOf(m) !== null || m.scorer.config.kind === 'assertions'
  return [...metrics.filter((m) => !needsExpected(m)).map((m) => m.metric), ...operationalMetrics]
}

/**
 * Production calls have no expected answer. A rule against an expected field leaves a valid output unscored,
 * but fails an unreadable one before it looks at the expectation; such a fail says nothing about the rule's
 * question (is the category right?) and would show a correctness metric at 0 %, so it is left out. The
 * format check already counts the unreadable output.
 */
function withoutUnlabelled(
  metrics: readonly SuiteMetric[],
  scores: StoredScore[],
  expectedOf: ReadonlyMap<string, Record<string, unknown>>,
): StoredScore[] {
  const fields = new Map(metrics.map((m) => [m.metric, expectedFieldOf(m)]))
  return scores.filter((s) => {
    const field = fields.get(s.metric)
    return !field || valueAt(expectedOf.get(s.caseId) ?? {}, field) !== undefined
  })
}

export function loadImportScores(ctx: CoreContext, runId: string, metrics: SuiteMetric[]): ImportScores {
  const run = ctx.repos.runs.get(runId)
  const cases = run ? ctx.repos.snapshots.allCases(run.datasetSnapshotId) : []
  const expectedOf = new Map(cases.map((c) => [c.id, c.expected]))
  const list = ctx.repos.runScores.list(runId, { scorerHashes: metrics.map((m) => m.hash) })
  const scores = groupCurrentScores(metrics, withoutUnlabelled(metrics, list, expectedOf))
  const { runScores } = ctx.repos
  return { runId, metrics, scores, facts: runScores.facts(runId), times: runScores.times(runId) }
}

/** A log records no latency for a call that failed before answering; failed calls are left out (as in runs). */
const answeredLatencies = (facts: readonly ResultFacts[]): number[] =>
  facts.flatMap((f) => (f.failed || f.totalMs === null ? [] : [f.totalMs]))

function latencyP95(facts: readonly ResultFacts[]): MonitorValue {
  const latencies = answeredLatencies(facts)
  return { value: percentile(latencies, 95), ci95: null, n: latencies.length }
}

function costPerInteraction(facts: readonly ResultFacts[]): MonitorValue {
  const costs = facts.flatMap((f) => (f.costUsd === null ? [] : [f.costUsd]))
  if (costs.length === 0) return { value: null, ci95: null, n: 0 }
  const interval = meanInterval(costs)
  const value = costs.reduce((a, b) => a + b, 0) / costs.length
  // A cost cannot be negative, so the interval is cut at zero.
  return {
    value,
    ci95: interval ? { low: Math.max(0, interval.low), high: interval.high } : null,
    n: costs.length,
  }
}

function errorRate(facts: readonly ResultFacts[]): MonitorValue {
  if (facts.length === 0) return { value: null, ci95: null, n: 0 }
  const errors = facts.filter((f) => f.failed).length
  const { low, high } = wilsonInterval(errors, facts.length)
  return { value: errors / facts.length, ci95: { low, high }, n: facts.length }
}

/**
 * Each suite metric over all scored results of the import's run (pass rates with Wilson intervals, means
 * with t intervals, as run summaries compute them per slice), plus the operational metrics.
 */
export function importMetrics(data: ImportScores): Record<string, MonitorValue> {
  const out: Record<string, MonitorValue> = {}
  for (const metric of data.metrics) {
    const summary = metricSummary(metric, data.scores.get(metric.metric) ?? [])
    out[metric.metric] = { value: summary.value, ci95: summary.ci95, n: summary.n }
  }
  out['latency.p95_ms'] = latencyP95(data.facts)
  out['cost.per_interaction_usd'] = costPerInteraction(data.facts)
  out['error.rate'] = errorRate(data.facts)
  return out
}
