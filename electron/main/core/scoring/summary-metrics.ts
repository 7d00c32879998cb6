import type { MetricSummary } from '../../../../shared/domain/scoring'
import type { ScoreMoments } from '../db/repos/score-aggregates'
import type { StoredScore } from '../db/repos/run-scores'
import type { SuiteMetric } from './metrics'
import { meanInterval, tQuantile, wilsonInterval } from './stats'

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

/**
 * metricSummary from the count, passes and moments SQLite summed up (the same figures, without reading the
 * scores): the variance is Σx² − (Σx)²/n over n − 1, cut at 0 against rounding.
 */
export function metricFromMoments(metric: SuiteMetric, m: ScoreMoments | undefined): MetricSummary {
  const n = m?.n ?? 0
  const base = { metric: metric.metric, label: metric.label, kind: metric.kind, n }
  if (!m || n === 0) return { ...base, value: null, ci95: null }
  if (metric.kind === 'pass_rate') {
    const { low, high } = wilsonInterval(m.passes, n)
    return { ...base, value: m.passes / n, ci95: { low, high } }
  }
  const mean = m.sum / n
  if (n < 2) return { ...base, value: mean, ci95: null }
  const variance = Math.max(0, (m.sumOfSquares - m.sum * mean) / (n - 1))
  const halfWidth = tQuantile(1 - (1 - 0.95) / 2, n - 1) * (Math.sqrt(variance) / Math.sqrt(n))
  // Scores live on 0..1, so an interval reaching past either end is cut there (a mean cannot be 1.003).
  return {
    ...base,
    value: mean,
    ci95: { low: Math.max(0, mean - halfWidth), high: Math.min(1, mean + halfWidth) },
  }
}
