import type { CompareSeries } from '../../../../shared/domain/compare'
import type { ResultFacts } from '../../../../electron/main/core/db/repos/run-scores'
import { percentile } from '../../../../electron/main/core/scoring/stats'

/** The latency chart draws a distribution; more points than this add nothing but payload. */
export const maxLatencyPoints = 5_000

/** Latencies of answered calls that went to the model, as the summary's P50/P95 count them. */
export function answeredLatencies(facts: readonly ResultFacts[]): number[] {
  return facts.flatMap((f) => (f.failed || f.cached || f.totalMs === null ? [] : [f.totalMs]))
}

/**
 * At most `max` values, ascending. Sampling the sorted values at even steps keeps every part of the
 * distribution (and its extremes) in proportion, where taking the first `max` would not.
 */
export function sampleEvenly(values: readonly number[], max: number = maxLatencyPoints): number[] {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length <= max) return sorted
  const last = sorted.length - 1
  return Array.from({ length: max }, (_, i) => sorted[Math.round((i * last) / (max - 1))] ?? 0)
}

/**
 * Cost per tag of the cases: n results, mean cost over those with a known price (null when none), total.
 * Tags are sorted, so the rows of one dimension ("tier:…") sit together.
 */
export function costByTag(
  facts: readonly ResultFacts[],
  tagsOf: ReadonlyMap<string, readonly string[]>,
): CompareSeries['costByTag'] {
  const byTag = new Map<string, { n: number; priced: number; total: number }>()
  for (const f of facts) {
    for (const tag of tagsOf.get(f.caseId) ?? []) {
      const entry = byTag.get(tag) ?? { n: 0, priced: 0, total: 0 }
      entry.n += 1
      if (f.costUsd !== null) {
        entry.priced += 1
        entry.total += f.costUsd
      }
      byTag.set(tag, entry)
    }
  }
  return [...byTag.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([tag, e]) => ({
      tag,
      n: e.n,
      costPerInteractionUsd: e.priced === 0 ? null : e.total / e.priced,
      totalCostUsd: e.total,
    }))
}

export interface CallFigures {
  costPerInteractionUsd: number | null
  totalCostUsd: number
  latencyP50Ms: number | null
  latencyP95Ms: number | null
  latencyN: number
  batchResults: number
}

/** The summary's call figures before migration 0013: every fact read into JavaScript. */
export function callFigures(facts: readonly ResultFacts[]): CallFigures {
  const costs = facts.flatMap((f) => (f.costUsd === null ? [] : [f.costUsd]))
  const totalCostUsd = costs.reduce((a, b) => a + b, 0)
  const latencies = facts.flatMap((f) => (f.failed || f.cached || f.totalMs === null ? [] : [f.totalMs]))
  return {
    costPerInteractionUsd: costs.length === 0 ? null : totalCostUsd / costs.length,
    totalCostUsd,
    latencyP50Ms: percentile(latencies, 50),
    latencyP95Ms: percentile(latencies, 95),
    latencyN: latencies.length,
    // Answered, not from the cache, and no latency: what a batch answer looks like to the facts.
    batchResults: facts.filter((f) => !f.failed && !f.cached && f.totalMs === null).length,
  }
}

/** The renderer's histogram before the core binned latencies: shared bins over the shipped latencies. */
export function legacyHistogram(series: readonly { latenciesMs: number[] }[], bins = 30) {
  const max = Math.max(0, ...series.flatMap((s) => s.latenciesMs))
  const binMs = niceBin(max / bins)
  const count = Math.max(1, Math.floor(max / binMs) + 1)
  const counts = series.map((s) => {
    const row = new Array<number>(count).fill(0)
    for (const ms of s.latenciesMs) row[Math.min(count - 1, Math.floor(ms / binMs))]! += 1
    return row
  })
  return { binMs, counts }
}

function niceBin(raw: number): number {
  if (raw <= 1) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].find((m) => m * power >= raw) ?? 10
  return step * power
}
