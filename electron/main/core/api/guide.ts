import type { CoreContext } from '../context'
import type { Handlers } from '../dispatch'
import { firstSteps } from '../guide/first-steps'

/** The first-run guide: read-only, from what the workspace stores. */
export function guideHandlers(ctx: CoreContext): Pick<Handlers, 'guide.firstSteps'> {
  return {
    'guide.firstSteps': () => firstSteps(ctx),
  }
}
