import type { Handlers } from '../dispatch'
import { driftReport } from '../production/drift/report'
import type { CoreContext } from '../context'

/** production.drift: read-only, so no transaction; validate → compute → return. */
export function productionDriftHandlers(ctx: CoreContext): Pick<Handlers, 'production.drift'> {
  return {
    'production.drift': ({ importId, datasetId }) => driftReport(ctx, importId, datasetId),
  }
}
