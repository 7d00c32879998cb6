import type { Run, RunResultFilter, RunResultPage } from '../../../../shared/domain/runs'
import type { CoreContext } from '../context'

/**
 * A page of a run's results as people read them: each with its case's key (an imported `id` column, e.g.
 * IR-07: what the dataset, the gate and the CLI call it), narrowed by a key as typed. Keys are looked up in
 * the run's own snapshot, where they are unique, so a renamed working case never changes an old run.
 */
export function resultsPage(
  ctx: CoreContext,
  run: Run,
  filter: RunResultFilter,
  page: { offset: number; limit: number },
): RunResultPage {
  const { caseKey, ...byId } = filter
  const snapshotId = run.datasetSnapshotId
  if (caseKey !== undefined) {
    const caseId = ctx.repos.snapshots.caseIdOfKey(snapshotId, caseKey)
    if (caseId === null || (byId.caseId !== undefined && byId.caseId !== caseId)) {
      return { total: 0, offset: page.offset, results: [] }
    }
    byId.caseId = caseId
  }
  const results = ctx.repos.runResults.page(run.id, byId, page.offset, page.limit)
  const keys = ctx.repos.snapshots.caseKeys(
    snapshotId,
    results.map((r) => r.caseId),
  )
  return {
    total: ctx.repos.runResults.count(run.id, byId),
    offset: page.offset,
    results: results.map((r) => ({ ...r, caseKey: keys.get(r.caseId) ?? null })),
  }
}
