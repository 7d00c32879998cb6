import type { Handlers } from '../dispatch'
import { recordCheck, recordCiStatusFile, recordRunbook } from '../scorecard/evidence'
import { assessWorkspace } from '../scorecard/scorecard'
import type { CoreContext } from '../context'

type ScorecardMethods =
  'scorecard.get' | 'scorecard.setRunbook' | 'scorecard.recordCiStatus' | 'scorecard.recordCheck'

/** The LLMOps maturity scorecard, assessed from what the workspace holds, and the evidence teams record. */
export function scorecardHandlers(ctx: CoreContext): Pick<Handlers, ScorecardMethods> {
  return {
    'scorecard.get': () => assessWorkspace(ctx),
    'scorecard.setRunbook': ({ location }) => recordRunbook(ctx, location),
    'scorecard.recordCiStatus': ({ file }) => recordCiStatusFile(ctx, file),
    'scorecard.recordCheck': ({ status, source }) => recordCheck(ctx, status, source),
  }
}
