import type { Run } from '../../../../../shared/domain/runs'
import type { CoreContext } from '../../context'
import { suiteMetrics, type SuiteMetric } from '../../scoring/metrics'
import { latestSuite } from '../../scoring/suites'

/**
 * The columns of a run's results export, fixed before the first row is written so that every row has the
 * same cells and a re-export of the same run writes the same bytes.
 *
 * Variables and expected fields come in first-seen order over the run's dataset snapshot (the order the
 * dataset export uses); an expected field with any non-text value is written as JSON (`expected_json.<name>`,
 * as the dataset CSV does). Metrics are the current suite's scorers of each prompt the run evaluated, in
 * suite order; a result is scored only by its own prompt's suite.
 */
export interface ExportLayout {
  vars: string[]
  expected: { name: string; json: boolean }[]
  /** A tag holding `|` (or blank or padded) is written as a JSON list, so it reads back the same. */
  tagsJson: boolean
  /** Columns written only when some case of the snapshot has one, so a single-turn run exports as before. */
  conversation: boolean
  toolResults: boolean
  metrics: { metric: string; label: string }[]
  /** The current suite's metrics by prompt id: a score counts only under its prompt's fingerprint. */
  metricsByPrompt: Map<string, SuiteMetric[]>
}

export function exportLayout(ctx: CoreContext, run: Run): ExportLayout {
  const repo = ctx.repos.resultExport
  const snapshotId = run.datasetSnapshotId
  const metricsByPrompt = new Map<string, SuiteMetric[]>()
  for (const versionId of run.plan.promptVersionIds) {
    const promptId = ctx.repos.prompts.versionById(versionId)?.promptId
    if (promptId === undefined || metricsByPrompt.has(promptId)) continue
    metricsByPrompt.set(promptId, suiteMetrics(ctx.repos, latestSuite(ctx, promptId)))
  }
  const metrics = new Map<string, string>()
  for (const list of metricsByPrompt.values())
    for (const m of list) if (!metrics.has(m.metric)) metrics.set(m.metric, m.label)
  return {
    vars: repo.varNames(snapshotId).map((f) => f.name),
    expected: repo.expectedNames(snapshotId).map((f) => ({ name: f.name, json: f.nonText === 1 })),
    ...repo.caseParts(snapshotId),
    tagsJson: repo.tags(snapshotId).some((t) => t.includes('|') || t !== t.trim() || t === ''),
    metrics: [...metrics].map(([metric, label]) => ({ metric, label })),
    metricsByPrompt,
  }
}

/** Every fingerprint a score may carry to count in this export. */
export function currentHashes(layout: ExportLayout): string[] {
  return [...layout.metricsByPrompt.values()].flatMap((list) => list.map((m) => m.hash))
}
