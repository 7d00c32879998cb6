import { AppError } from '../../../../../shared/contract'
import {
  GENERATED_TAG,
  type CaseDraft,
  type DraftDuplicate,
  type DraftPatch,
} from '../../../../../shared/domain/case-drafts'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { CoreContext } from '../../context'
import type { Repos } from '../../db/repos'
import type { StoredDraft } from '../../db/repos/case-drafts'
import { addCase } from '../cases'
import { uniqueTags } from '../case-keys'
import { auditDataset, listed } from '../detail'
import { findDuplicates } from '../duplicates'

/** The duplicate detector's default threshold (Datasets → Duplicates): the same bar for drafts. */
export const draftDuplicateThreshold = 0.85

/**
 * The dataset's pending drafts, each flagged with the working cases (and other drafts) whose input is the
 * same or nearly the same, by the dataset duplicate detector over the working copy and the drafts together.
 */
export function listDrafts(repos: Repos, datasetId: string): CaseDraft[] {
  const drafts = repos.caseDrafts.pending(datasetId)
  if (drafts.length === 0) return []
  const cases = repos.datasetCases.all(datasetId)
  const draftIds = new Set(drafts.map((d) => d.id))
  const labels = new Map<string, string>([
    ...cases.map((c) => [c.id, c.key] as const),
    ...drafts.map((d, i) => [d.id, `draft ${i + 1}`] as const),
  ])
  const refs = [
    ...cases,
    ...drafts.map((d) => ({ id: d.id, key: d.id, vars: d.vars, conversation: undefined })),
  ]
  const flags = new Map<string, DraftDuplicate[]>()
  for (const group of findDuplicates(refs, draftDuplicateThreshold)) {
    for (const member of group.cases.filter((c) => draftIds.has(c.id))) {
      const others = group.cases.filter((c) => c.id !== member.id)
      const list = flags.get(member.id) ?? []
      list.push(
        ...others.map((o) => ({
          kind: group.kind,
          similarity: group.similarity,
          of: draftIds.has(o.id) ? ('draft' as const) : ('case' as const),
          id: o.id,
          label: labels.get(o.id) ?? o.key,
        })),
      )
      flags.set(member.id, list)
    }
  }
  return drafts.map((d) => ({ ...d, duplicates: flags.get(d.id) ?? [] }))
}

/** A reviewer's edit of a pending draft. */
export function updateDraft(ctx: CoreContext, draftId: string, patch: DraftPatch): CaseDraft {
  const [draft] = pendingDrafts(ctx.repos, [draftId])
  if (!draft) throw new AppError('NOT_FOUND', 'No pending draft with this id')
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  const next: StoredDraft = { ...draft, ...defined }
  next.tags = uniqueTags(next.tags)
  ctx.repos.caseDrafts.update(next)
  const listedDraft = listDrafts(ctx.repos, draft.datasetId).find((d) => d.id === draftId)
  return listedDraft ?? { ...next, duplicates: [] }
}

/**
 * Adds the drafts to the end of the working copy, in their order, tagged `source:generated` besides their
 * own tags, with one audit entry; a snapshot holds them only once one is taken. Runs in one transaction.
 */
export function acceptDrafts(ctx: CoreContext, draftIds: readonly string[]): DatasetCase[] {
  const drafts = pendingDrafts(ctx.repos, draftIds)
  const datasetId = oneDataset(drafts)
  const at = ctx.now()
  const cases = drafts.map((d) => {
    const added = addCase(ctx, datasetId, {
      vars: d.vars,
      expected: d.expected,
      expectedOutput: d.expectedOutput,
      tags: uniqueTags([...d.tags, GENERATED_TAG]),
      notes: d.notes,
    })
    ctx.repos.caseDrafts.decide(d.id, { state: 'accepted', at, by: ctx.user, caseId: added.id })
    return added
  })
  auditDataset(ctx, 'cases.generated.accepted', datasetId, {
    count: cases.length,
    keys: cases.slice(0, 50).map((c) => c.key),
    batchIds: [...new Set(drafts.map((d) => d.batchId))],
    models: [...new Set(drafts.map((d) => `${d.model.provider}/${d.model.model}`))],
  })
  return cases
}

export function rejectDrafts(ctx: CoreContext, draftIds: readonly string[]): number {
  const drafts = pendingDrafts(ctx.repos, draftIds)
  const datasetId = oneDataset(drafts)
  const at = ctx.now()
  for (const d of drafts)
    ctx.repos.caseDrafts.decide(d.id, { state: 'rejected', at, by: ctx.user, caseId: null })
  auditDataset(ctx, 'cases.generated.rejected', datasetId, {
    count: drafts.length,
    batchIds: [...new Set(drafts.map((d) => d.batchId))],
  })
  return drafts.length
}

/** Every id must name a pending draft: one accepted, rejected or unknown is refused, not silently skipped. */
function pendingDrafts(repos: Repos, ids: readonly string[]): StoredDraft[] {
  const unique = [...new Set(ids)]
  const found = repos.caseDrafts.pendingByIds(unique)
  if (found.length < unique.length) {
    const known = new Set(found.map((d) => d.id))
    const missing = unique.filter((id) => !known.has(id))
    throw new AppError(
      'NOT_FOUND',
      `${missing.length === 1 ? 'A draft was' : `${missing.length} drafts were`} already accepted, rejected or removed (${listed(missing, 5)}): reload the drafts and choose again.`,
      { missing },
    )
  }
  return found
}

function oneDataset(drafts: readonly StoredDraft[]): string {
  const ids = new Set(drafts.map((d) => d.datasetId))
  const [first] = ids
  if (first === undefined || ids.size > 1) {
    throw new AppError('INVALID_INPUT', 'Choose drafts of one dataset at a time')
  }
  return first
}
