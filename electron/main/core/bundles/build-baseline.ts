import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import type { PromptVersion } from '../../../../shared/domain/prompts'
import type { Baseline } from '../../../../shared/domain/scoring'
import type { Repos } from '../db/repos'
import type { BaselineFile, DatasetLine } from './format'
import { priceTableRecord } from './price-table'

/** dataset.jsonl's lines: the snapshot's cases in snapshot order, without the workspace's case ids. */
export function datasetLines(cases: readonly DatasetCase[]): DatasetLine[] {
  return cases.map((c) => ({
    key: c.key,
    vars: c.vars,
    expected: c.expected,
    expectedOutput: c.expectedOutput,
    tags: c.tags,
    notes: c.notes,
    ...(c.conversation !== undefined ? { conversation: c.conversation } : {}),
    ...(c.toolResults !== undefined ? { toolResults: c.toolResults } : {}),
  }))
}

/**
 * baseline/baseline.json: which version × model on which snapshot, from which run, set by whom. The snapshot's
 * contentHash is `datasetHash`, the sha256 of dataset.jsonl: the workspace's own snapshot hash covers its case
 * ids, which no file carries, so only the file's hash survives an import into another workspace.
 */
export function buildBaselineFile(
  repos: Repos,
  baseline: Baseline,
  version: PromptVersion,
  datasetHash: string,
): BaselineFile {
  const run = repos.runs.get(baseline.runId)
  const snapshot = repos.snapshots.get(baseline.datasetSnapshotId)
  const dataset = snapshot ? repos.datasets.get(snapshot.datasetId) : null
  if (!run || !snapshot || !dataset) {
    throw new AppError('NOT_FOUND', `The baseline's run or dataset snapshot is no longer in the workspace`)
  }
  return {
    format: 'evallab.baseline',
    version: 1,
    promptVersion: version.number,
    promptContentHash: version.contentHash,
    provider: baseline.slice.provider,
    modelId: baseline.slice.modelId,
    dataset: {
      name: dataset.name,
      description: dataset.description,
      snapshot: {
        number: snapshot.number,
        message: snapshot.message,
        createdAt: snapshot.createdAt,
        createdBy: snapshot.createdBy,
        caseCount: snapshot.caseCount,
        contentHash: datasetHash,
      },
    },
    run: {
      name: run.name,
      createdAt: run.createdAt,
      createdBy: run.createdBy,
      finishedAt: run.finishedAt,
      priceTable: priceTableRecord(run.priceTable),
    },
    setBy: baseline.setBy,
    setAt: baseline.setAt,
    note: baseline.note,
  }
}
