import { AppError } from '../../../../../shared/contract'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { CoreContext } from '../../api/context'

/** The cases on each side of the comparison, and the curated dataset as the report names it. */
export interface DriftSources {
  production: DatasetCase[]
  curated: { id: string; name: string; snapshotId: string | null; cases: DatasetCase[] }
}

interface ImportRow {
  prompt_id: string
  run_id: string
  dataset_snapshot_id: string
}

/**
 * Reads both sides. The production side is the snapshot the import's run was made on (exactly the sampled
 * calls of that import). The curated side is the dataset the user chose (its working copy, which is what
 * "add to dataset" changes), else the snapshot of the prompt's latest baseline, else the snapshot of its
 * latest run that is not a production import.
 */
export function readDriftSources(ctx: CoreContext, importId: string, datasetId?: string): DriftSources {
  const row = ctx.db
    .prepare<[string], ImportRow>(
      `SELECT i.prompt_id, i.run_id, r.dataset_snapshot_id
         FROM production_imports i JOIN runs r ON r.id = i.run_id WHERE i.id = ?`,
    )
    .get(importId)
  if (!row) throw new AppError('NOT_FOUND', `Production import ${importId} not found`)
  const production = ctx.repos.snapshots.allCases(row.dataset_snapshot_id)
  const chosen =
    datasetId ?? (hasCuratedRun(ctx, row.prompt_id) ? undefined : matchingDatasetId(ctx, production))
  return { production, curated: curatedSide(ctx, row.prompt_id, chosen) }
}

function hasCuratedRun(ctx: CoreContext, promptId: string): boolean {
  return (
    ctx.repos.baselines.forPrompt(promptId).length > 0 || latestCuratedRunSnapshot(ctx, promptId) !== null
  )
}

/**
 * A prompt that was never run offline still has a curated set in practice: the dataset whose cases carry the
 * same variables as the production calls (the most shared variable names; the larger dataset on a tie).
 */
function matchingDatasetId(ctx: CoreContext, production: readonly DatasetCase[]): string | undefined {
  const wanted = new Set(production.flatMap((c) => Object.keys(c.vars)))
  const productionIds = new Set(
    ctx.db
      .prepare<[], { dataset_id: string }>('SELECT DISTINCT dataset_id FROM production_imports')
      .all()
      .map((r) => r.dataset_id),
  )
  let best: { id: string; shared: number; size: number } | undefined
  for (const dataset of ctx.repos.datasets.list()) {
    if (productionIds.has(dataset.id) || dataset.caseCount === 0) continue
    const first = ctx.repos.datasetCases.all(dataset.id)[0]
    const shared = first ? Object.keys(first.vars).filter((k) => wanted.has(k)).length : 0
    if (shared === 0) continue
    if (!best || shared > best.shared || (shared === best.shared && dataset.caseCount > best.size))
      best = { id: dataset.id, shared, size: dataset.caseCount }
  }
  return best?.id
}

function curatedSide(ctx: CoreContext, promptId: string, datasetId?: string): DriftSources['curated'] {
  if (datasetId) {
    const dataset = ctx.repos.datasets.get(datasetId)
    if (!dataset) throw new AppError('NOT_FOUND', `Dataset ${datasetId} not found (field datasetId)`)
    return {
      id: dataset.id,
      name: dataset.name,
      snapshotId: null,
      cases: ctx.repos.datasetCases.all(dataset.id),
    }
  }
  const snapshotId =
    ctx.repos.baselines.forPrompt(promptId)[0]?.datasetSnapshotId ?? latestCuratedRunSnapshot(ctx, promptId)
  const snapshot = snapshotId ? ctx.repos.snapshots.get(snapshotId) : null
  const dataset = snapshot ? ctx.repos.datasets.get(snapshot.datasetId) : null
  if (!snapshot || !dataset) {
    throw new AppError(
      'INVALID_INPUT',
      'No curated dataset to compare with — run the prompt on a dataset first (or choose one: field datasetId)',
    )
  }
  return {
    id: dataset.id,
    name: dataset.name,
    snapshotId: snapshot.id,
    cases: ctx.repos.snapshots.allCases(snapshot.id),
  }
}

function latestCuratedRunSnapshot(ctx: CoreContext, promptId: string): string | null {
  const row = ctx.db
    .prepare<[string], { dataset_snapshot_id: string }>(
      `SELECT r.dataset_snapshot_id FROM runs r
        WHERE EXISTS (SELECT 1 FROM json_each(r.plan, '$.promptVersionIds') pv
                        JOIN prompt_versions v ON v.id = pv.value WHERE v.prompt_id = ?)
          AND r.id NOT IN (SELECT run_id FROM production_imports)
        ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1`,
    )
    .get(promptId)
  return row?.dataset_snapshot_id ?? null
}
