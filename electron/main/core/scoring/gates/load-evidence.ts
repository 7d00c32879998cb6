import type { SliceKey } from '../../../../../shared/domain/scoring'
import { sliceOf } from '../../../../../shared/lib/model-identity'
import type { CoreContext } from '../../context'
import type { SuiteMetric } from '../metrics'
import type { CaseScore, SliceEvidence } from './evidence'
import { inSlice } from './slice'

/**
 * The scores (of the current suite's scorers only: a changed scorer's old rows are history) and the call
 * facts of one slice of a run; `include` narrows both to some cases (a canary's sample).
 */
export function loadSliceEvidence(
  ctx: CoreContext,
  runId: string,
  slice: SliceKey,
  metrics: readonly SuiteMetric[],
  include: (caseId: string) => boolean = () => true,
): SliceEvidence {
  const rows = ctx.repos.runScores.list(runId, {
    scorerHashes: metrics.map((m) => m.hash),
    ...sliceOf(slice),
  })
  const scores = new Map<string, CaseScore[]>()
  for (const row of rows) {
    if (!include(row.caseId)) continue
    const list = scores.get(row.metric) ?? []
    list.push({
      caseId: row.caseId,
      repeat: row.repeat,
      value: row.value,
      raw: row.raw,
      passed: row.passed,
      reason: row.reason,
    })
    scores.set(row.metric, list)
  }
  const results = ctx.repos.runScores
    .facts(runId)
    .filter((f) => inSlice(slice)(f) && include(f.caseId))
    .map((f) => ({
      caseId: f.caseId,
      repeat: f.repeat,
      error: f.failed,
      cached: f.cached,
      totalMs: f.totalMs,
      costUsd: f.costUsd,
    }))
  return { scores, results }
}

/** Case id → key in the run's snapshot, so failing cases can be named the way people know them. */
export function caseKeysOf(ctx: CoreContext, snapshotId: string): Map<string, string> {
  return new Map(ctx.repos.snapshots.allCases(snapshotId).map((c) => [c.id, c.key]))
}
