import type { Run } from '../../../../../shared/domain/runs'
import type { CoreContext } from '../../context'
import { cursorOf, type ExportRow, type ExportScore } from '../../db/repos/result-export'
import type { ResultIdFilter } from '../../db/repos/runs-results'
import { currentHashes, type ExportLayout } from './layout'

/** Results read per query: large enough to be quick, small enough that a huge run is never held whole. */
export const EXPORT_PAGE = 1000

/** One result with its current scores by metric (a metric its prompt's suite has, and a stored score). */
export interface ExportRecord {
  row: ExportRow
  scores: Map<string, ExportScore>
}

/** The run's results in export order, page by page, each with the scores of its prompt's current suite. */
export function* exportRecords(
  ctx: CoreContext,
  run: Run,
  layout: ExportLayout,
  filter: ResultIdFilter = {},
  pageSize = EXPORT_PAGE,
): Generator<ExportRecord> {
  const repo = ctx.repos.resultExport
  const hashes = currentHashes(layout)
  const source = { id: run.id, snapshotId: run.datasetSnapshotId }
  let after = null
  for (;;) {
    const rows = repo.page(source, filter, after, pageSize)
    if (rows.length === 0) return
    const scores =
      hashes.length === 0
        ? []
        : repo.scores(
            run.id,
            rows.map((r) => r.caseId),
            hashes,
          )
    const byResult = groupByResult(scores)
    for (const row of rows) yield { row, scores: currentScores(layout, row, byResult.get(resultId(row))) }
    if (rows.length < pageSize) return
    after = cursorOf(rows[rows.length - 1] as ExportRow)
  }
}

type ResultIdentity = Pick<ExportRow, 'caseId' | 'promptVersionId' | 'provider' | 'modelId' | 'repeat'>

const resultId = (r: ResultIdentity): string =>
  JSON.stringify([r.caseId, r.promptVersionId, r.provider, r.modelId, r.repeat])

function groupByResult(scores: readonly ExportScore[]): Map<string, ExportScore[]> {
  const out = new Map<string, ExportScore[]>()
  for (const s of scores) {
    const id = resultId(s)
    const list = out.get(id)
    if (list) list.push(s)
    else out.set(id, [s])
  }
  return out
}

/** Only a score under the fingerprint of the result's own prompt's scorer for that metric counts. */
function currentScores(
  layout: ExportLayout,
  row: ExportRow,
  scores: readonly ExportScore[] = [],
): Map<string, ExportScore> {
  const metrics = row.promptId === null ? [] : (layout.metricsByPrompt.get(row.promptId) ?? [])
  const hashOf = new Map(metrics.map((m) => [m.metric, m.hash]))
  const out = new Map<string, ExportScore>()
  for (const s of scores) if (hashOf.get(s.metric) === s.scorerHash) out.set(s.metric, s)
  return out
}
