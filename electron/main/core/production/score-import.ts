import type { ProductionImport } from '../../../../shared/domain/production'
import { writeTransaction, type CoreContext } from '../context'
import type { ScoringDeps } from '../scoring/deps'
import { scoreRun } from '../scoring/score-run'
import { currentSuiteVersion, requireImport, toProductionImport } from './monitor-imports'

/**
 * Scores an import's sampled calls with the prompt's current suite, exactly as runs.score scores any run
 * (format, rules and judges; human scorers get their scores through review queues on the same run). Rules
 * that compare with expected fields leave production results unscored (value null), never failed: a
 * production call has no expected answer.
 */
export async function scoreImport(
  ctx: CoreContext,
  importId: string,
  deps: ScoringDeps,
): Promise<ProductionImport> {
  const stored = requireImport(ctx, importId)
  // The suite is read before scoring: a suite saved meanwhile must not mark this pass as its own.
  const suiteVersion = currentSuiteVersion(ctx, stored.promptId)
  const summary = await scoreRun(ctx, stored.runId, deps)
  writeTransaction(ctx, () => {
    ctx.repos.production.setScoredSuiteVersion(importId, suiteVersion)
    ctx.repos.audit.append({
      at: ctx.now(),
      actor: ctx.user,
      action: 'production.scored',
      entityType: 'prompt',
      entityId: stored.promptId,
      details: {
        importId,
        runId: stored.runId,
        fileName: stored.fileName,
        suiteVersion,
        results: summary.slices.reduce((n, s) => n + s.results, 0),
      },
    })
  })
  return toProductionImport(requireImport(ctx, importId), currentSuiteVersion(ctx, stored.promptId))
}
