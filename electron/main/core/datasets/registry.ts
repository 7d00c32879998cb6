import { AppError } from '../../../../shared/contract'
import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { NewCase } from '../db/repos/dataset-cases'
import { newId } from '../ids'
import { auditDataset, listed, requireDataset, type DatasetContext } from './detail'
import { caseFields } from '../db/case-hash'

// Every function here writes: the caller runs it inside one `.immediate()` transaction.

export interface DatasetInput {
  name: string
  description: string
  parentId?: string | null
}

/** A new, empty dataset (or one about to be filled by an import); names are unique regardless of case. */
export function insertDataset(
  ctx: DatasetContext,
  input: DatasetInput,
  details: Record<string, unknown> = {},
) {
  const name = input.name.trim()
  requireFreeName(ctx, name)
  const id = newId('ds')
  ctx.repos.datasets.insertDataset({
    id,
    name,
    description: input.description,
    parentId: input.parentId ?? null,
    createdAt: ctx.now(),
  })
  auditDataset(ctx, 'dataset.created', id, { name, ...details })
  return id
}

export interface DatasetEdit {
  id: string
  name?: string | undefined
  description?: string | undefined
}

/** Name and description are the dataset's own fields; cases change through the case functions. */
export function updateDataset(ctx: DatasetContext, edit: DatasetEdit): void {
  const dataset = requireDataset(ctx.repos, edit.id)
  const name = edit.name?.trim() ?? dataset.name
  const description = edit.description ?? dataset.description
  const changes: Record<string, { from: string; to: string }> = {}
  if (name !== dataset.name) changes.name = { from: dataset.name, to: name }
  if (description !== dataset.description)
    changes.description = { from: dataset.description, to: description }
  if (Object.keys(changes).length === 0) return
  // Changing only the case of the name is a rename of this dataset, not a clash with itself.
  if (name.toLowerCase() !== dataset.name.toLowerCase()) requireFreeName(ctx, name)
  ctx.repos.datasets.update({ id: dataset.id, name, description, updatedAt: ctx.now() })
  auditDataset(ctx, 'dataset.updated', dataset.id, { changes })
}

/** The dataset, its working cases and its snapshots; datasets made from it keep their cases and lose the link. */
export function deleteDataset(ctx: DatasetContext, datasetId: string): void {
  const dataset = requireDataset(ctx.repos, datasetId)
  const runs = ctx.repos.runs.namesForDataset(datasetId)
  if (runs.length > 0) {
    // Results point at the snapshots; deleting them would leave runs that cannot say what they ran on.
    throw new AppError(
      'CONFLICT',
      `"${dataset.name}" cannot be deleted: ${runs.length} run(s) used its snapshots (${listed(runs, 3)}). ` +
        'Delete those runs first, or keep the dataset.',
      { runs },
    )
  }
  ctx.repos.datasets.delete(datasetId)
  // Revisions are shared between datasets; only those no remaining snapshot uses go.
  ctx.repos.snapshots.removeUnusedRevisions()
  auditDataset(ctx, 'dataset.deleted', datasetId, {
    name: dataset.name,
    caseCount: dataset.caseCount,
    snapshotCount: dataset.snapshotCount,
  })
}

export interface FromCasesInput {
  sourceDatasetId: string
  caseIds: readonly string[]
  name: string
  description: string
}

/** A new dataset linked to its source, holding copies of the chosen cases in the source's order, keys kept. */
export function createFromCases(ctx: DatasetContext, input: FromCasesInput): string {
  const source = requireDataset(ctx.repos, input.sourceDatasetId)
  const chosen = [...new Set(input.caseIds)]
  const found = ctx.repos.datasetCases.byIds(chosen).filter((c) => c.datasetId === source.id)
  if (found.length < chosen.length) {
    const known = new Set(found.map((c) => c.id))
    const missing = chosen.filter((id) => !known.has(id))
    throw new AppError('NOT_FOUND', `"${source.name}" has no case with id ${listed(missing, 5)}`, { missing })
  }
  const id = insertDataset(
    ctx,
    { name: input.name, description: input.description, parentId: source.id },
    { fromDatasetId: source.id, fromDatasetName: source.name, caseCount: found.length },
  )
  const copies: NewCase[] = found.map((c, position) => ({
    ...caseFields(c),
    id: newId('case'),
    datasetId: id,
    position,
  }))
  ctx.repos.datasetCases.insertMany(copies)
  return id
}

function requireFreeName(ctx: DatasetContext, name: string): void {
  const existing: DatasetSummary | null = ctx.repos.datasets.findByName(name)
  if (existing) {
    throw new AppError('CONFLICT', `A dataset named "${existing.name}" already exists: choose another name`, {
      field: 'name',
      datasetId: existing.id,
    })
  }
}
