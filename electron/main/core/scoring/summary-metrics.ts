import type { MetricSummary } from '../../../../shared/domain/scoring'
import type { ResultFacts, StoredScore } from '../db/repos/run-scores'
import type { SuiteMetric } from './metrics'
import { meanInterval, percentile, wilsonInterval } from './stats'

/**
 * One metric over the scores that could be scored (value not null): a pass rate with its Wilson interval
 * for binary scorers, else a mean with its t interval (none below two scores).
 */
export function metricSummary(metric: SuiteMetric, scores: readonly StoredScore[]): MetricSummary {
  const values = scores.flatMap((s) => (s.value === null ? [] : [s.value]))
  const base = { metric: metric.metric, label: metric.label, kind: metric.kind, n: values.length }
  if (values.length === 0) return { ...base, value: null, ci95: null }
  if (metric.kind === 'pass_rate') {
    const passes = values.filter((v) => v >= 1).length
    const { low, high } = wilsonInterval(passes, values.length)
    return { ...base, value: passes / values.length, ci95: { low, high } }
  }
  const interval = meanInterval(values)
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  // Scores live on 0..1, so an interval reaching past either end is cut there (a mean cannot be 1.003).
  const ci95 = interval ? { low: Math.max(0, interval.low), high: Math.min(1, interval.high) } : null
  return { ...base, value: mean, ci95 }
}

/** Every metric of the suite, in suite order, over the scores `keep` accepts. */
export function metricSummaries(
  metrics: readonly SuiteMetric[],
  scoresByMetric: ReadonlyMap<string, readonly StoredScore[]>,
  keep: (s: StoredScore) => boolean = () => true,
): MetricSummary[] {
  return metrics.map((m) => metricSummary(m, (scoresByMetric.get(m.metric) ?? []).filter(keep)))
}

/** Scores of the current scorers only: an older version of a scorer keeps its rows but is not summarised. */
export function groupCurrentScores(
  metrics: readonly SuiteMetric[],
  scores: readonly StoredScore[],
): Map<string, StoredScore[]> {
  const hashOf = new Map(metrics.map((m) => [m.metric, m.hash]))
  const out = new Map<string, StoredScore[]>()
  for (const s of scores) {
    if (hashOf.get(s.metric) !== s.scorerHash) continue
    const list = out.get(s.metric)
    if (list) list.push(s)
    else out.set(s.metric, [s])
  }
  return out
}

export interface CallFigures {
  costPerInteractionUsd: number | null
  totalCostUsd: number
  latencyP50Ms: number | null
  latencyP95Ms: number | null
}

/**
 * Cost per interaction is the mean over results with a known cost (null when no price is known). Latency
 * percentiles are over answered calls that went to the model: failed calls have no meaningful latency and
 * cache hits took no call at all.
 */
export function callFigures(facts: readonly ResultFacts[]): CallFigures {
  const costs = facts.flatMap((f) => (f.costUsd === null ? [] : [f.costUsd]))
  const totalCostUsd = costs.reduce((a, b) => a + b, 0)
  const latencies = facts.flatMap((f) => (f.failed || f.cached || f.totalMs === null ? [] : [f.totalMs]))
  return {
    costPerInteractionUsd: costs.length === 0 ? null : totalCostUsd / costs.length,
    totalCostUsd,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
  }
}
