import type { Handlers } from '../dispatch'
import type { CoreContext } from '../context'
import type { PairwiseManager } from '../scoring/pairwise/manager'
import { comparisonCases, comparisonView, requireComparison } from '../scoring/pairwise/view'

type PairwiseHandlers = Pick<
  Handlers,
  'pairwise.start' | 'pairwise.cancel' | 'pairwise.get' | 'pairwise.list' | 'pairwise.cases'
>

/** The pairwise LLM judge: started and cancelled through the manager, read back from the workspace. */
export function pairwiseHandlers(ctx: CoreContext, pairwise: PairwiseManager): PairwiseHandlers {
  return {
    'pairwise.start': (input) => pairwise.start(input),
    'pairwise.cancel': ({ id }) => pairwise.cancel(id),
    'pairwise.get': ({ id }) => comparisonView(ctx, requireComparison(ctx, id)),
    'pairwise.list': ({ a, b }) => ctx.repos.pairwise.forSlices(a, b).map((row) => comparisonView(ctx, row)),
    'pairwise.cases': (input) => comparisonCases(ctx, input),
  }
}
