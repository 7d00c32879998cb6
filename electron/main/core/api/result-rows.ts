import { AppError } from '../../../../shared/contract'
import type { ResultKeyInput, ResultRowPage } from '../../../../shared/domain/result-rows'
import type { Run, RunResultFilter, RunResultRow } from '../../../../shared/domain/runs'
import type { CoreContext } from '../context'
import type { ResultIdFilter } from '../db/repos/runs-results'

/**
 * The filter with a case key (as people type it) turned into the case's id in the run's own snapshot, where
 * keys are unique; null when the key names no case of the run, or another case than the id given.
 */
function byCaseId(ctx: CoreContext, run: Run, filter: RunResultFilter): ResultIdFilter | null {
  const { caseKey, ...byId } = filter
  if (caseKey === undefined) return byId
  const caseId = ctx.repos.snapshots.caseIdOfKey(run.datasetSnapshotId, caseKey)
  if (caseId === null || (byId.caseId !== undefined && byId.caseId !== caseId)) return null
  return { ...byId, caseId }
}

/** A page of the results grid: the light rows, each with its case's key from the run's snapshot. */
export function resultRowsPage(
  ctx: CoreContext,
  run: Run,
  filter: RunResultFilter,
  page: { offset: number; limit: number },
): ResultRowPage {
  const byId = byCaseId(ctx, run, filter)
  if (byId === null) return { total: 0, offset: page.offset, results: [] }
  const rows = ctx.repos.resultRows.page(run.id, byId, page.offset, page.limit)
  const keys = ctx.repos.snapshots.caseKeys(
    run.datasetSnapshotId,
    rows.map((r) => r.caseId),
  )
  return {
    total: ctx.repos.runResults.count(run.id, byId),
    offset: page.offset,
    results: rows.map((r) => ({ ...r, caseKey: keys.get(r.caseId) ?? null })),
  }
}

/** One full result (request, attempt log and all) by its identity, with its case's key. */
export function fullResult(ctx: CoreContext, run: Run, key: ResultKeyInput): RunResultRow {
  const result = ctx.repos.resultRows.one(key)
  if (!result) {
    throw new AppError(
      'NOT_FOUND',
      `Run ${run.id} has no result for case ${key.caseId}, ${key.provider}/${key.modelId}, repeat ${key.repeat}`,
    )
  }
  const caseKey = ctx.repos.snapshots.caseKeys(run.datasetSnapshotId, [key.caseId]).get(key.caseId) ?? null
  return { ...result, caseKey }
}
