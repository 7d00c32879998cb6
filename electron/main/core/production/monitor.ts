import type { ProductionMonitor } from '../../../../shared/domain/production'
import type { CoreContext } from '../context'
import { resultKey } from '../db/repos/run-scores'
import type { SuiteMetric } from '../scoring/metrics'
import { latestSuite } from '../scoring/suites'
import { evaluateAlerts, type AlertInput } from './alerts'
import { dayAlerts } from './day-alerts'
import { callDetails } from './monitor-cases'
import { toProductionImport } from './monitor-imports'
import {
  loadImportScores,
  measurableMetrics,
  operationalLabels,
  promptMetrics,
  type ImportScores,
} from './monitor-metrics'
import type { StoredProductionImport as StoredImport } from '../db/repos/production'
import { productionSettings } from './settings'
import { importPoint, monitorTimeline } from './timeline'

function metricLabels(metrics: readonly SuiteMetric[]): Record<string, string> {
  return { ...Object.fromEntries(metrics.map((m) => [m.metric, m.label])), ...operationalLabels }
}

/**
 * The prompt's production monitoring: settings (stored or defaults), imports newest first, timeline
 * points per day of calls (oldest first) and the alerts of the latest import scored with the current suite.
 * Reads only.
 */
export function productionMonitor(ctx: CoreContext, promptId: string): ProductionMonitor {
  const settings = productionSettings(ctx.repos, promptId)
  const suiteVersion = latestSuite(ctx, promptId).version
  const metrics = promptMetrics(ctx, promptId)
  // Newest first, as the list of imports shows them.
  const stored = ctx.repos.production.importsForPrompt(promptId).reverse()
  const loaded = new Map<string, ImportScores>()
  const scoresOf = (imp: StoredImport): ImportScores => {
    let data = loaded.get(imp.id)
    if (!data) {
      data = loadImportScores(ctx, imp.runId, metrics)
      loaded.set(imp.id, data)
    }
    return data
  }
  const timeline = monitorTimeline(stored, scoresOf)
  const labels = metricLabels(metrics)
  const latestScored = stored.find((imp) => imp.scoredSuiteVersion === suiteVersion)
  // Alerts judge the whole latest import, and each of its days that holds enough results to judge.
  const point = latestScored && importPoint(latestScored, scoresOf(latestScored))
  const run = latestScored && ctx.repos.runs.get(latestScored.runId)
  const input: AlertInput | null =
    latestScored && point && run
      ? {
          thresholds: settings.thresholds,
          point,
          data: scoresOf(latestScored),
          details: lookupIn(callDetails(ctx, run.id, run.datasetSnapshotId)),
          labelOf: (metric) => labels[metric] ?? metric,
        }
      : null
  // The whole import's alerts, and after its breaches those of single days the import's rate hides.
  const whole = input ? evaluateAlerts(input) : []
  const alerts = input
    ? [...whole.filter((a) => a.breached), ...dayAlerts(input), ...whole.filter((a) => !a.breached)]
    : []
  return {
    promptId,
    settings,
    imports: stored.map((imp) => toProductionImport(imp, suiteVersion)),
    timeline,
    alerts,
    metricLabels: labels,
    reviewRubricId: humanRubricId(metrics),
    measurable: measurableMetrics(metrics),
  }
}

/** The rubric of the suite's first human scorer, so "Review a sample" asks what the suite will read back. */
function humanRubricId(metrics: readonly SuiteMetric[]): string | null {
  for (const { scorer } of metrics) if (scorer.config.kind === 'human') return scorer.config.rubricId
  return null
}

const lookupIn =
  <T>(map: ReadonlyMap<string, T>) =>
  (key: Parameters<typeof resultKey>[0]): T | undefined =>
    map.get(resultKey(key))
