import type { BreachSummary } from '../../../../shared/domain/production'
import type { CoreContext } from '../context'
import { productionMonitor } from './monitor'

/**
 * Every breached threshold across the workspace, so a breach is seen from any screen, not only by whoever
 * opens the prompt's monitoring. Only prompts with thresholds and an import are assessed.
 */
export function workspaceBreaches(ctx: CoreContext): BreachSummary[] {
  const promptIds = new Set(ctx.repos.production.allImports().map((imp) => imp.promptId))
  const breaches: BreachSummary[] = []
  for (const promptId of promptIds) {
    if ((ctx.repos.production.settings(promptId)?.thresholds.length ?? 0) === 0) continue
    const prompt = ctx.repos.prompts.get(promptId)
    if (!prompt) continue
    for (const alert of productionMonitor(ctx, promptId).alerts) {
      if (!alert.breached) continue
      breaches.push({
        promptId,
        promptName: prompt.name,
        importId: alert.importId,
        metric: alert.metric,
        label: alert.label,
        threshold: alert.threshold,
        value: alert.value,
        cases: alert.cases.length,
        scope: alert.scope,
        period: alert.period,
      })
    }
  }
  return breaches
}
