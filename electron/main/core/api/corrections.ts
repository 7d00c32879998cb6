import type { Handlers } from '../dispatch'
import { correctExpected, correctionTarget } from '../datasets/corrections'
import { writeTransaction, type CoreContext } from '../context'

/** "Update the expected value" from a run result's detail: one transaction with its audit entry. */
export function correctionHandlers(
  ctx: CoreContext,
): Pick<Handlers, 'cases.correctExpected' | 'cases.correctionTarget'> {
  return {
    'cases.correctionTarget': ({ runId, caseId }) => correctionTarget(ctx.repos, runId, caseId),
    'cases.correctExpected': ({ runId, caseId, field, value, reason }) =>
      writeTransaction(ctx, () =>
        correctExpected(ctx, { runId, caseId, field, value, reason, origin: { kind: 'result' } }),
      ),
  }
}
