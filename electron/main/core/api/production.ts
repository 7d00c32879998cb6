import type { Handlers } from '../dispatch'
import type { ScoringDeps } from '../scoring/deps'
import type { CoreContext } from '../context'
import { productionDriftHandlers } from './production-drift'
import { productionImportHandlers } from './production-import'
import { productionMonitorHandlers } from './production-monitor'

type ProductionHandlers = Pick<
  Handlers,
  | 'production.settings'
  | 'production.saveSettings'
  | 'production.preview'
  | 'production.import'
  | 'production.score'
  | 'production.monitor'
  | 'production.breaches'
  | 'production.drift'
  | 'production.addToDataset'
>

/** Production samples: import, sampling, scoring, alerts (per prompt and across the workspace) and drift. */
export function productionHandlers(ctx: CoreContext, scoring: ScoringDeps): ProductionHandlers {
  return {
    ...productionImportHandlers(ctx),
    ...productionDriftHandlers(ctx),
    ...productionMonitorHandlers(ctx, scoring),
  }
}
