import { AppError } from '../../../../shared/contract'
import type { DatasetCase } from '../../../../shared/domain/datasets'
import { canonicalJson } from '../../../../shared/lib/canonical-json'
import { writeTransaction, type CoreContext } from '../context'
import { addCase } from '../datasets/cases'
import { auditDataset, listed, requireDataset } from '../datasets/detail'
import { requireImport } from './monitor-imports'
import type { StoredProductionImport } from '../db/repos/production'

export interface AddToDatasetRequest {
  importId: string
  caseIds: readonly string[]
  datasetId: string
}

const keyLimit = 200

/** `prod-<call id>`, then `-2`, `-3`… : the first key the target does not have yet. */
export function productionKey(externalId: string, taken: ReadonlySet<string>): string {
  const base = `prod-${externalId}`.slice(0, keyLimit - 4)
  if (!taken.has(base)) return base
  let n = 2
  while (taken.has(`${base}-${n}`)) n += 1
  return `${base}-${n}`
}

const varsKey = (vars: Readonly<Record<string, string>>): string => canonicalJson(vars)

/**
 * The chosen cases as the import sampled them. They are read from the import's own snapshot: the production
 * dataset's working copy holds only the latest import's sample, and an older import must still be usable.
 */
function chosenCases(
  ctx: CoreContext,
  imp: StoredProductionImport,
  caseIds: readonly string[],
): DatasetCase[] {
  const run = ctx.repos.runs.get(imp.runId)
  if (!run) throw new AppError('NOT_FOUND', `No run with id ${imp.runId} for import ${imp.fileName}`)
  const sampled = new Map(ctx.repos.snapshots.allCases(run.datasetSnapshotId).map((c) => [c.id, c]))
  const unique = [...new Set(caseIds)]
  const foreign = unique.filter((id) => !sampled.has(id))
  if (foreign.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Not a sampled case of production import ${imp.fileName}: ${listed(foreign, 5)}`,
      { field: 'caseIds', caseIds: foreign },
    )
  }
  return unique.flatMap((id) => sampled.get(id) ?? [])
}

/**
 * Copies production cases into a curated dataset's working copy: their vars and tags (plus
 * "source:production"), no expected fields yet (the curator labels them), a note naming the log and call.
 * A case whose vars the dataset already has is skipped, so adding the same calls twice adds nothing.
 * All or nothing, in one transaction.
 */
export function addProductionCases(
  ctx: CoreContext,
  request: AddToDatasetRequest,
): { added: number; skipped: number } {
  return writeTransaction(ctx, () => {
    const imp = requireImport(ctx, request.importId)
    const target = requireDataset(ctx.repos, request.datasetId)
    if (target.id === imp.datasetId) {
      throw new AppError(
        'INVALID_INPUT',
        `"${target.name}" is the production dataset itself: choose a curated one`,
        {
          field: 'datasetId',
        },
      )
    }
    const cases = chosenCases(ctx, imp, request.caseIds)
    const present = new Set(ctx.repos.datasetCases.all(target.id).map((c) => varsKey(c.vars)))
    const keys = ctx.repos.datasetCases.keys(target.id)
    let added = 0
    for (const c of cases) {
      if (present.has(varsKey(c.vars))) continue
      const key = productionKey(c.key, keys)
      addCase(ctx, target.id, {
        key,
        vars: c.vars,
        expected: {},
        expectedOutput: null,
        tags: [...c.tags, 'source:production'],
        notes: `From production log ${imp.fileName}, call ${c.key}`,
      })
      keys.add(key)
      present.add(varsKey(c.vars))
      added += 1
    }
    const skipped = cases.length - added
    auditDataset(ctx, 'production.cases_added', target.id, {
      importId: imp.id,
      fileName: imp.fileName,
      added,
      skipped,
    })
    return { added, skipped }
  })
}
