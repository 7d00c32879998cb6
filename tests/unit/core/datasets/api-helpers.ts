import { createHash } from 'node:crypto'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Core } from '../../../../electron/main/core'
import type {
  DatasetCase,
  DatasetCasePage,
  DatasetDetail,
  DatasetSummary,
} from '../../../../shared/domain/datasets'
import type { ImportSummary } from '../../../../shared/domain/dataset-import'
import { call } from '../core-calls'

export const base64 = (text: string | Uint8Array): string => Buffer.from(text).toString('base64')

export async function demoDataset(core: Core): Promise<DatasetSummary> {
  const [dataset] = await call<DatasetSummary[]>(core, 'datasets.list', {})
  if (!dataset) throw new Error('the demo workspace has no dataset')
  return dataset
}

/** Every case of the working copy (or of a snapshot), in order. */
export async function allCases(core: Core, datasetId: string, snapshotId?: string): Promise<DatasetCase[]> {
  const out: DatasetCase[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await call<DatasetCasePage>(core, 'datasets.cases', {
      datasetId,
      snapshotId,
      offset,
      limit: 500,
    })
    out.push(...page.cases)
    if (out.length >= page.total || page.cases.length === 0) return out
  }
}

export type ImportResult = DatasetDetail & { imported: ImportSummary }

/** Imports text as a new dataset with the mapping the preview suggests (plus `overrides`). */
export async function importAsNew(
  core: Core,
  fileName: string,
  content: string | Uint8Array,
  name: string,
  overrides: Record<string, unknown> = {},
): Promise<ImportResult> {
  const contentBase64 = base64(content)
  const preview = await call<{ mapping: Record<string, unknown> }>(core, 'datasets.importPreview', {
    fileName,
    contentBase64,
  })
  return call<ImportResult>(core, 'datasets.importCommit', {
    fileName,
    contentBase64,
    mapping: { ...preview.mapping, ...overrides },
    target: { kind: 'new', name },
  })
}

/** The case ids of a dataset, in order. */
export async function caseIds(core: Core, datasetId: string): Promise<string[]> {
  return (await allCases(core, datasetId)).map((c) => c.id)
}

/**
 * Row counts of every dataset table and the audit log, and a checksum of every stored case and snapshot member:
 * two equal fingerprints mean nothing about datasets was written in between.
 */
export function fingerprint(home: string): Record<string, unknown> {
  const db = new Database(join(home, 'evallab.db'), { readonly: true })
  try {
    const counts = Object.fromEntries(
      [
        'datasets',
        'dataset_cases',
        'dataset_snapshots',
        'dataset_snapshot_cases',
        'case_revisions',
        'audit_log',
      ].map((table) => [table, db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get()]),
    )
    const digest = (sql: string) =>
      createHash('sha256')
        .update(JSON.stringify(db.prepare(sql).raw().all()))
        .digest('hex')
    return {
      counts,
      datasets: digest('SELECT * FROM datasets ORDER BY id'),
      cases: digest('SELECT * FROM dataset_cases ORDER BY id'),
      snapshots: digest('SELECT * FROM dataset_snapshot_cases ORDER BY snapshot_id, position'),
    }
  } finally {
    db.close()
  }
}
