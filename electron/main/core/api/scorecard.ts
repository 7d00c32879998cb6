import type { Handlers } from '../dispatch'
import { assessWorkspace } from '../scorecard/scorecard'
import type { CoreContext } from '../context'

/** The LLMOps maturity scorecard: read-only, assessed from what the workspace holds. */
export function scorecardHandlers(ctx: CoreContext): Pick<Handlers, 'scorecard.get'> {
  return {
    'scorecard.get': () => assessWorkspace(ctx),
  }
}
