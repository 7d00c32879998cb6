import { AppError } from '../../../../shared/contract'
import type { CaseFields, CasePatch, DatasetCase } from '../../../../shared/domain/datasets'
import type { StoredCase } from '../db/repos/dataset-cases'
import { newId } from '../ids'
import { copyKey, nextCaseKey, retag, uniqueTags } from './case-keys'
import { auditDataset, listed, requireDataset, type DatasetContext } from './detail'
import { changedFields } from './diff'
import { caseFields } from '../db/case-hash'

// Every function here writes: the caller runs it inside one `.immediate()` transaction.

export type NewCaseFields = Omit<CaseFields, 'key'> & { key?: string | undefined }

/** A case at the end of the working copy; without a key it gets the next free `case-0001`-style one. */
export function addCase(ctx: DatasetContext, datasetId: string, fields: NewCaseFields): DatasetCase {
  const dataset = requireDataset(ctx.repos, datasetId)
  const keys = ctx.repos.datasetCases.keys(datasetId)
  const key = fields.key ?? nextCaseKey(keys)
  if (keys.has(key)) throw keyConflict(key, dataset.name)
  const stored = {
    ...caseFields({ ...fields, key }),
    tags: uniqueTags(fields.tags),
    id: newId('case'),
    datasetId,
    position: ctx.repos.datasetCases.nextPosition(datasetId),
  }
  ctx.repos.datasetCases.insertMany([stored])
  changed(ctx, datasetId, 'case.added', { caseId: stored.id, key })
  return withoutPlace(stored)
}

/**
 * Changes the given fields of one case (a null conversation or tool results removes them); a key another case
 * of the dataset has is a conflict.
 */
export function updateCase(ctx: DatasetContext, caseId: string, patch: CasePatch): DatasetCase {
  const [current] = requireCases(ctx, [caseId])
  if (!current) throw new AppError('NOT_FOUND', `No case with id ${caseId}`)
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  const merged = { ...caseFields(current), ...defined }
  const { conversation, toolResults, ...rest } = merged
  const next: CaseFields = caseFields({
    ...rest,
    ...(conversation ? { conversation } : {}),
    ...(toolResults ? { toolResults } : {}),
  })
  next.tags = uniqueTags(next.tags)
  const fields = changedFields(current, next)
  // Saving an unchanged row (an inline edit confirmed as is) is not an error and leaves no audit noise.
  if (fields.length === 0) return withoutPlace(current)
  if (fields.includes('key') && ctx.repos.datasetCases.keys(current.datasetId).has(next.key)) {
    throw keyConflict(next.key, requireDataset(ctx.repos, current.datasetId).name)
  }
  ctx.repos.datasetCases.update({ ...next, id: caseId, position: current.position })
  changed(ctx, current.datasetId, 'case.updated', { caseId, key: next.key, fields })
  return { id: caseId, ...next }
}

/** Copies of the cases, appended in their order, keyed `<key>-copy`, `<key>-copy-2`… */
export function duplicateCases(ctx: DatasetContext, caseIds: readonly string[]): DatasetCase[] {
  const originals = requireCases(ctx, caseIds)
  const datasetId = sameDataset(originals)
  const keys = ctx.repos.datasetCases.keys(datasetId)
  let position = ctx.repos.datasetCases.nextPosition(datasetId)
  const copies = originals.map((original) => {
    const key = copyKey(original.key, keys)
    keys.add(key)
    return { ...caseFields(original), key, id: newId('case'), datasetId, position: position++ }
  })
  ctx.repos.datasetCases.insertMany(copies)
  changed(ctx, datasetId, 'case.duplicated', { count: copies.length, keys: sample(copies) })
  return copies.map(withoutPlace)
}

export function deleteCases(ctx: DatasetContext, caseIds: readonly string[]): number {
  const cases = requireCases(ctx, caseIds)
  const datasetId = sameDataset(cases)
  const deleted = ctx.repos.datasetCases.deleteMany(cases.map((c) => c.id))
  changed(ctx, datasetId, 'case.deleted', { count: deleted, keys: sample(cases) })
  return deleted
}

export interface TagRequest {
  caseIds: readonly string[]
  add: readonly string[]
  remove: readonly string[]
}

/** Adds and removes tags on many cases at once; returns how many cases actually changed. */
export function tagCases(ctx: DatasetContext, request: TagRequest): number {
  const add = uniqueTags(request.add)
  const remove = uniqueTags(request.remove)
  if (add.length === 0 && remove.length === 0) {
    throw new AppError('INVALID_INPUT', 'Choose at least one tag to add or remove')
  }
  const both = add.filter((t) => remove.includes(t))
  if (both.length > 0) {
    throw new AppError('INVALID_INPUT', `Tags cannot be added and removed at once: ${listed(both)}`)
  }
  const cases = requireCases(ctx, request.caseIds)
  const datasetId = sameDataset(cases)
  let updated = 0
  for (const c of cases) {
    const tags = retag(c.tags, add, remove)
    if (sameSet(tags, c.tags)) continue
    ctx.repos.datasetCases.update({ ...caseFields(c), tags, id: c.id, position: c.position })
    updated += 1
  }
  if (updated > 0) changed(ctx, datasetId, 'case.tagged', { add, remove, updated })
  return updated
}

/** Every id must name an existing case; a stale selection is refused, not half-applied. */
function requireCases(ctx: DatasetContext, caseIds: readonly string[]): StoredCase[] {
  const unique = [...new Set(caseIds)]
  const found = ctx.repos.datasetCases.byIds(unique)
  if (found.length < unique.length) {
    const known = new Set(found.map((c) => c.id))
    const missing = unique.filter((id) => !known.has(id))
    throw new AppError('NOT_FOUND', `No case with id ${listed(missing, 5)}`, { missing })
  }
  return found
}

/** Bulk actions work on one dataset's selection: its audit entry and its next snapshot. */
function sameDataset(cases: readonly StoredCase[]): string {
  const ids = new Set(cases.map((c) => c.datasetId))
  const [first] = ids
  if (first === undefined || ids.size > 1) {
    throw new AppError('INVALID_INPUT', 'Choose cases of one dataset at a time')
  }
  return first
}

function changed(ctx: DatasetContext, datasetId: string, action: string, details: Record<string, unknown>) {
  ctx.repos.datasets.touch(datasetId, ctx.now())
  auditDataset(ctx, action, datasetId, details)
}

function keyConflict(key: string, datasetName: string): AppError {
  return new AppError(
    'CONFLICT',
    `"${datasetName}" already has a case with key "${key}": choose another key`,
    {
      field: 'key',
      key,
    },
  )
}

function withoutPlace(c: DatasetCase & { datasetId?: string; position?: number }): DatasetCase {
  return { id: c.id, ...caseFields(c) }
}

/** Audit entries name up to 50 keys: enough to find the change, small enough for 10,000-case selections. */
function sample(cases: readonly { key: string }[]): string[] {
  return cases.slice(0, 50).map((c) => c.key)
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && new Set([...a, ...b]).size === a.length
}
