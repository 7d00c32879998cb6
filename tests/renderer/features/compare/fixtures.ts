import type { CompareSeries } from '../../../../shared/domain/compare'
import type { MetricSummary } from '../../../../shared/domain/scoring'

export function metric(
  name: string,
  value: number | null,
  n = 100,
  ci: [number, number] | null = null,
): MetricSummary {
  return {
    metric: name,
    label: name,
    kind: 'pass_rate',
    n,
    value,
    ci95: ci ? { low: ci[0], high: ci[1] } : null,
  }
}

export function series(label: string, extra: Partial<CompareSeries> = {}): CompareSeries {
  return {
    runId: 'run-1',
    promptVersionId: `pv-${label}`,
    provider: 'sim',
    modelId: `model-${label}`,
    label,
    promptId: 'prompt-1',
    promptName: 'Ticket triage',
    versionNumber: 4,
    runName: 'March vs September',
    datasetSnapshotId: 'snap-1',
    results: 145,
    errors: 0,
    metrics: [metric('accuracy', 0.8, 145, [0.72, 0.86]), metric('format.json', 0.95, 145, [0.9, 0.98])],
    byTag: [
      { tag: 'tier:enterprise', n: 50, metrics: [metric('accuracy', 0.7, 50, [0.56, 0.81])] },
      { tag: 'tier:free', n: 95, metrics: [metric('accuracy', 0.85, 95, [0.77, 0.91])] },
      { tag: 'lang:en', n: 145, metrics: [metric('accuracy', 0.8, 145)] },
    ],
    costPerInteractionUsd: 0.001,
    totalCostUsd: 0.145,
    costByTag: [
      { tag: 'tier:enterprise', n: 50, costPerInteractionUsd: 0.002, totalCostUsd: 0.1 },
      { tag: 'tier:free', n: 95, costPerInteractionUsd: null, totalCostUsd: 0 },
    ],
    latencyP50Ms: 400,
    latencyP95Ms: 900,
    latencyN: 6,
    batchResults: 0,
    latencyHistogram: binned([100, 350, 400, 420, 900, 1000]),
    ...extra,
  }
}

/**
 * Latencies binned as the core bins them for a compare.data answer whose slowest call is 1,000 ms:
 * 21 bins of 50 ms (latencyBins(1000)).
 */
export function binned(
  latencies: readonly number[],
  binMs = 50,
  count = 21,
): CompareSeries['latencyHistogram'] {
  const counts = new Array<number>(count).fill(0)
  for (const ms of latencies) counts[Math.min(count - 1, Math.floor(ms / binMs))]! += 1
  return { binMs, counts }
}
