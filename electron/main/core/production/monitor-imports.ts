import { AppError } from '../../../../shared/contract'
import type { ProductionImport } from '../../../../shared/domain/production'
import type { CoreContext } from '../context'
import { latestSuite } from '../scoring/suites'
import type { StoredProductionImport } from '../db/repos/production'

export function requireImport(ctx: CoreContext, importId: string): StoredProductionImport {
  const found = ctx.repos.production.getImport(importId)
  if (!found) throw new AppError('NOT_FOUND', `No production import with id ${importId}`)
  return found
}

/**
 * An import as the contract shows it. It counts as scored only when scored with the prompt's current suite:
 * a suite saved since leaves its new scorers unscored on the sample.
 */
export function toProductionImport(
  stored: StoredProductionImport,
  currentSuiteVersion: number,
): ProductionImport {
  const { scoredSuiteVersion, ...rest } = stored
  return { ...rest, scored: scoredSuiteVersion === currentSuiteVersion }
}

export function currentSuiteVersion(ctx: CoreContext, promptId: string): number {
  return latestSuite(ctx, promptId).version
}
