import type { ProductionMonitor } from '../../../../shared/domain/production'
import type { CoreContext } from '../context'
import { resultKey } from '../db/repos/run-scores'
import type { SuiteMetric } from '../scoring/metrics'
import { latestSuite } from '../scoring/suites'
import { evaluateAlerts } from './alerts'
import { callDetails } from './monitor-cases'
import { toProductionImport } from './monitor-imports'
import { loadImportScores, operationalLabels, promptMetrics, type ImportScores } from './monitor-metrics'
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
  // Alerts judge the whole latest import, not its last day: a day can hold too few calls to judge.
  const point = latestScored && importPoint(latestScored, scoresOf(latestScored))
  const run = latestScored && ctx.repos.runs.get(latestScored.runId)
  const alerts =
    latestScored && point && run
      ? evaluateAlerts({
          thresholds: settings.thresholds,
          point,
          data: scoresOf(latestScored),
          details: lookupIn(callDetails(ctx, run.id, run.datasetSnapshotId)),
          labelOf: (metric) => labels[metric] ?? metric,
        })
      : []
  return {
    promptId,
    settings,
    imports: stored.map((imp) => toProductionImport(imp, suiteVersion)),
    timeline,
    alerts,
    metricLabels: labels,
    reviewRubricId: humanRubricId(metrics),
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
