import { AppError } from '../../../../shared/contract'
import type { CaseFields, DatasetSnapshot } from '../../../../shared/domain/datasets'
import type { CoreContext } from '../context'
import { workingRevisions } from '../datasets/detail'
import { caseFields, contentHash, revisionHash } from '../db/case-hash'
import { newId } from '../ids'
import { bundlePaths, type BaselineFile, type DatasetLine } from './format'
import { sha256Ref } from './hash'

export interface ImportedDataset {
  datasetId: string
  snapshot: DatasetSnapshot
  /** Case id by case key, as the snapshot holds them. */
  caseIds: Map<string, string>
  changed: boolean
}

/**
 * The baseline's dataset snapshot. baseline.json's snapshot contentHash is the portable one — sha256 of
 * dataset.jsonl's bytes — because the workspace's own snapshot hash covers case ids, which no file carries.
 *
 * - Missing dataset: created, its working copy set to exactly the file's cases, and a snapshot taken with
 *   baseline.json's number, message, time and author (so a re-export is byte-identical).
 * - Existing dataset with a snapshot of the same cases (same revisions in the same order): that snapshot is
 *   used and the working copy is left as the team member has it.
 * - Existing dataset without one: the working copy is replaced by the file's cases (cases with the same key
 *   keep their id, so diffs match them) and a new snapshot is taken with the next number, baseline.json's
 *   message, time and author.
 */
export function importDataset(
  ctx: CoreContext,
  datasetJsonl: string,
  lines: readonly DatasetLine[],
  baseline: BaselineFile,
): ImportedDataset {
  if (sha256Ref(datasetJsonl) !== baseline.dataset.snapshot.contentHash) {
    throw new AppError(
      'INVALID_INPUT',
      `${bundlePaths.dataset}: its sha256 differs from the snapshot contentHash in ${bundlePaths.baseline}`,
    )
  }
  const existing = ctx.repos.datasets.findByName(baseline.dataset.name)
  if (existing) {
    const found = matchingSnapshot(ctx, existing.id, lines)
    if (found)
      return { datasetId: existing.id, snapshot: found, caseIds: idsByKey(ctx, found), changed: false }
  }
  const datasetId = existing?.id ?? createDataset(ctx, baseline)
  replaceWorkingCopy(ctx, datasetId, lines)
  const snapshot = takeSnapshot(ctx, datasetId, baseline, existing === null)
  return { datasetId, snapshot, caseIds: idsByKey(ctx, snapshot), changed: true }
}

function revisionList(cases: readonly CaseFields[]): string {
  return cases.map((c) => revisionHash(caseFields(c))).join('\n')
}

function matchingSnapshot(
  ctx: CoreContext,
  datasetId: string,
  lines: readonly DatasetLine[],
): DatasetSnapshot | null {
  const wanted = revisionList(lines)
  return (
    ctx.repos.snapshots
      .list(datasetId)
      .filter((s) => s.caseCount === lines.length)
      .find((s) => revisionList(ctx.repos.snapshots.allCases(s.id)) === wanted) ?? null
  )
}

function idsByKey(ctx: CoreContext, snapshot: DatasetSnapshot): Map<string, string> {
  return new Map(ctx.repos.snapshots.allCases(snapshot.id).map((c) => [c.key, c.id]))
}

function createDataset(ctx: CoreContext, baseline: BaselineFile): string {
  const id = newId('ds')
  ctx.repos.datasets.insertDataset({
    id,
    name: baseline.dataset.name,
    description: baseline.dataset.description,
    createdAt: baseline.dataset.snapshot.createdAt,
  })
  return id
}

function replaceWorkingCopy(ctx: CoreContext, datasetId: string, lines: readonly DatasetLine[]): void {
  const current = new Map(ctx.repos.datasetCases.all(datasetId).map((c) => [c.key, c.id]))
  const wanted = new Set(lines.map((l) => l.key))
  ctx.repos.datasetCases.deleteMany([...current].filter(([key]) => !wanted.has(key)).map(([, id]) => id))
  const added = lines.flatMap((line, position) => {
    const id = current.get(line.key)
    if (id === undefined) return [{ ...caseFields(line), id: newId('case'), datasetId, position }]
    ctx.repos.datasetCases.update({ ...caseFields(line), id, position })
    return []
  })
  ctx.repos.datasetCases.insertMany(added)
  ctx.repos.datasets.touch(datasetId, ctx.now())
}

function takeSnapshot(
  ctx: CoreContext,
  datasetId: string,
  baseline: BaselineFile,
  fresh: boolean,
): DatasetSnapshot {
  const from = baseline.dataset.snapshot
  const revisions = workingRevisions(ctx.repos, datasetId)
  const latest = ctx.repos.snapshots.latest(datasetId)
  const snapshot: DatasetSnapshot = {
    id: newId('dss'),
    datasetId,
    number: fresh ? from.number : (latest?.number ?? 0) + 1,
    message: from.message,
    createdAt: from.createdAt,
    createdBy: from.createdBy,
    caseCount: revisions.length,
    contentHash: contentHash(revisions),
  }
  ctx.repos.snapshots.insertFromWorkingCopy(snapshot)
  return snapshot
}
