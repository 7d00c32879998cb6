import { AppError } from '../../../../shared/contract'
import { operationalMetrics, type ProductionSettings } from '../../../../shared/domain/production'
import type { CoreContext } from '../context'
import type { Repos } from '../db/repos'

export const DEFAULT_SAMPLE_RATE = 0.2
export const DEFAULT_SEED = 1

export function requirePrompt(repos: Repos, promptId: string) {
  const prompt = repos.prompts.get(promptId)
  if (!prompt) throw new AppError('NOT_FOUND', `No prompt with id ${promptId}`)
  return prompt
}

/** The stored settings, else the defaults: a fifth of the calls, seed 1, no thresholds yet. */
export function productionSettings(repos: Repos, promptId: string): ProductionSettings {
  requirePrompt(repos, promptId)
  return (
    repos.production.settings(promptId) ?? {
      promptId,
      sampleRate: DEFAULT_SAMPLE_RATE,
      seed: DEFAULT_SEED,
      thresholds: [],
    }
  )
}

/** Writes: the caller runs it inside one write transaction. */
export function saveProductionSettings(ctx: CoreContext, settings: ProductionSettings): ProductionSettings {
  const prompt = requirePrompt(ctx.repos, settings.promptId)
  const known = thresholdMetrics(ctx.repos, settings.promptId)
  settings.thresholds.forEach((t, index) => {
    if (!known.includes(t.metric)) {
      throw new AppError(
        'INVALID_INPUT',
        `thresholds[${index}].metric: "${t.metric}" is not a metric of "${prompt.name}"'s eval suite ` +
          `nor an operational metric (${known.join(', ')})`,
        { field: `thresholds.${index}.metric` },
      )
    }
  })
  ctx.repos.production.saveSettings(settings, { updatedAt: ctx.now(), updatedBy: ctx.user })
  ctx.repos.audit.append({
    at: ctx.now(),
    actor: ctx.user,
    action: 'production.settings_saved',
    entityType: 'prompt',
    entityId: settings.promptId,
    details: { sampleRate: settings.sampleRate, seed: settings.seed, thresholds: settings.thresholds },
  })
  return settings
}

/** What a threshold may watch: the metrics of the prompt's current suite, then the operational ones. */
export function thresholdMetrics(repos: Repos, promptId: string): string[] {
  const suite = repos.evalSuites.latest(promptId)
  return [...(suite?.scorers.map((s) => s.metric) ?? []), ...operationalMetrics]
}
