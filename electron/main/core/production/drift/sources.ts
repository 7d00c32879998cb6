import { AppError } from '../../../../../shared/contract'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { CoreContext } from '../../context'

/** The cases on each side of the comparison, and the curated dataset as the report names it. */
export interface DriftSources {
  production: DatasetCase[]
  curated: { id: string; name: string; snapshotId: string | null; cases: DatasetCase[] }
}

/**
 * Reads both sides. The production side is the snapshot the import's run was made on (exactly the sampled
 * calls of that import). The curated side is the dataset the user chose (its working copy, which is what
 * "add to dataset" changes), else the snapshot of the prompt's latest baseline, else the snapshot of its
 * latest run that is not a production import.
 */
export function readDriftSources(ctx: CoreContext, importId: string, datasetId?: string): DriftSources {
  const imported = ctx.repos.production.getImport(importId)
  const run = imported ? ctx.repos.runs.get(imported.runId) : null
  if (!imported || !run) throw new AppError('NOT_FOUND', `Production import ${importId} not found`)
  const production = ctx.repos.snapshots.allCases(run.datasetSnapshotId)
  const chosen =
    datasetId ?? (hasCuratedRun(ctx, imported.promptId) ? undefined : matchingDatasetId(ctx, production))
  return { production, curated: curatedSide(ctx, imported.promptId, chosen) }
}

function hasCuratedRun(ctx: CoreContext, promptId: string): boolean {
  return (
    ctx.repos.baselines.forPrompt(promptId).length > 0 ||
    ctx.repos.runFacts.latestCuratedSnapshot(promptId) !== null
  )
}

/**
 * A prompt that was never run offline still has a curated set in practice: the dataset whose cases carry the
 * same variables as the production calls (the most shared variable names; the larger dataset on a tie).
 */
function matchingDatasetId(ctx: CoreContext, production: readonly DatasetCase[]): string | undefined {
  const wanted = new Set(production.flatMap((c) => Object.keys(c.vars)))
  const productionIds = new Set(ctx.repos.production.allImports().map((i) => i.datasetId))
  let best: { id: string; shared: number; size: number } | undefined
  for (const dataset of ctx.repos.datasets.list()) {
    if (productionIds.has(dataset.id) || dataset.caseCount === 0) continue
    const first = ctx.repos.datasetCases.first(dataset.id)
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
    ctx.repos.baselines.forPrompt(promptId)[0]?.datasetSnapshotId ??
    ctx.repos.runFacts.latestCuratedSnapshot(promptId)
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
