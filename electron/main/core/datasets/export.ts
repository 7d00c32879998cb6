import { AppError } from '../../../../shared/contract'
import type { Repos } from '../db/repos'
import { requireDataset } from './detail'
import { CsvExportError, toCsv, toJsonl } from './files'
import { caseFields } from '../db/case-hash'
import { requireSnapshot } from './snapshot'

export interface ExportRequest {
  datasetId: string
  snapshotId?: string | undefined
  format: 'csv' | 'jsonl'
}

export interface ExportedFile {
  fileName: string
  content: string
  caseCount: number
}

/** The working copy or a snapshot as a whole file in Eval Lab's layout: every case, every value, never cut. */
export function exportDataset(repos: Repos, request: ExportRequest): ExportedFile {
  const dataset = requireDataset(repos, request.datasetId)
  const snapshot =
    request.snapshotId === undefined ? null : requireSnapshot({ repos }, dataset.id, request.snapshotId)
  const cases = (snapshot ? repos.snapshots.allCases(snapshot.id) : repos.datasetCases.all(dataset.id)).map(
    caseFields,
  )
  const version = snapshot ? `.snapshot-${snapshot.number}` : ''
  return {
    fileName: `${slug(dataset.name)}${version}.${request.format}`,
    content: request.format === 'csv' ? csvOf(cases) : toJsonl(cases),
    caseCount: cases.length,
  }
}

function csvOf(cases: Parameters<typeof toCsv>[0]): string {
  try {
    return toCsv(cases)
  } catch (error) {
    if (!(error instanceof CsvExportError)) throw error
    throw new AppError('INVALID_INPUT', `Cannot export as CSV: ${error.message}. Export as JSONL instead.`)
  }
}

/** `Support triage — golden set` → `support-triage-golden-set`: safe as a file name on every platform. */
export function slug(name: string): string {
  const text = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return text === '' ? 'dataset' : text
}
