import type { Handlers } from '../dispatch'
import { compareCases, compareData, promptTrend } from '../compare'
import type { CoreContext } from '../context'

type CompareHandlers = Pick<Handlers, 'compare.data' | 'compare.cases' | 'compare.promptTrend'>

/** The compare screen's reads; nothing here writes or calls a model. */
export function compareHandlers(ctx: CoreContext): CompareHandlers {
  return {
    'compare.data': ({ slices }) => compareData(ctx, slices),
    'compare.cases': (input) => compareCases(ctx, input),
    'compare.promptTrend': ({ promptId }) => promptTrend(ctx, promptId),
  }
}
