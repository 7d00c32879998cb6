import type { Handlers } from '../dispatch'
import { addProductionCases } from '../production/add-to-dataset'
import { workspaceBreaches } from '../production/breaches'
import { productionMonitor } from '../production/monitor'
import { scoreImport } from '../production/score-import'
import type { ScoringDeps } from '../scoring/deps'
import type { CoreContext } from '../context'

type ProductionMonitorHandlers = Pick<
  Handlers,
  'production.score' | 'production.monitor' | 'production.breaches' | 'production.addToDataset'
>

/** Scoring production samples, monitoring them over time with alerts, and curating cases from them. */
export function productionMonitorHandlers(ctx: CoreContext, scoring: ScoringDeps): ProductionMonitorHandlers {
  return {
    'production.score': ({ importId }) => scoreImport(ctx, importId, scoring),

    'production.monitor': ({ promptId }) => productionMonitor(ctx, promptId),

    'production.breaches': () => workspaceBreaches(ctx),

    'production.addToDataset': (input) => addProductionCases(ctx, input),
  }
}
