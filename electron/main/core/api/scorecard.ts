import type { Handlers } from '../dispatch'
import { assessWorkspace } from '../scorecard/scorecard'
import type { CoreContext } from '../context'

/** The LLMOps maturity scorecard: read-only, assessed from what the workspace holds. */
export function maturityHandlers(ctx: CoreContext): Pick<Handlers, 'maturity.scorecard'> {
  return {
    'maturity.scorecard': () => assessWorkspace(ctx),
  }
}
