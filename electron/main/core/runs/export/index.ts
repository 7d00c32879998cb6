import { AppError } from '../../../../../shared/contract'
import type { Run } from '../../../../../shared/domain/runs'
import type { CoreContext } from '../../context'
import { slug } from '../../datasets/export'
import { resultCsvChunks } from './csv'
import { resultJsonlLines } from './jsonl'
import { exportLayout } from './layout'
import { exportRecords, type ExportRecord } from './records'

export type ResultExportFormat = 'csv' | 'jsonl'

export interface ResultExportRequest {
  runId: string
  format: ResultExportFormat
}

export interface ExportedResults {
  fileName: string
  content: string
  resultCount: number
}

/**
 * A run's results as one file, one row per result, in a stable order (case key, prompt version, provider,
 * model, repeat) with stable columns: exporting the same run twice gives the same bytes. Results are read a
 * page at a time and the text written a chunk at a time (see resultChunks for a caller that streams).
 */
export function exportRunResults(ctx: CoreContext, request: ResultExportRequest): ExportedResults {
  const run = requireRun(ctx, request.runId)
  let resultCount = 0
  const chunks: string[] = []
  for (const chunk of resultChunks(ctx, run, request.format, () => (resultCount += 1))) chunks.push(chunk)
  return { fileName: resultFileName(run, request.format), content: chunks.join(''), resultCount }
}

/** The file's text in pieces, in order; `onRecord` is told of each result as it is written. */
export function resultChunks(
  ctx: CoreContext,
  run: Run,
  format: ResultExportFormat,
  onRecord: () => void = () => undefined,
): Generator<string> {
  const layout = exportLayout(ctx, run)
  const records = counted(exportRecords(ctx, run, layout), onRecord)
  return format === 'csv' ? resultCsvChunks(layout, records) : resultJsonlLines(layout, records)
}

export function resultFileName(run: Run, format: ResultExportFormat): string {
  // slug() names a file without any letter or digit `dataset`; a run's file says `run` instead.
  const named = /[a-z0-9]/i.test(run.name.normalize('NFKD'))
  return `${named ? slug(run.name) : 'run'}.results.${format}`
}

function requireRun(ctx: CoreContext, runId: string): Run {
  const run = ctx.repos.runs.get(runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${runId}`)
  return run
}

function* counted(records: Iterable<ExportRecord>, onRecord: () => void): Generator<ExportRecord> {
  for (const record of records) {
    onRecord()
    yield record
  }
}
