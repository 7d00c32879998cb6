import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelKey } from '../../../../../shared/lib/model-ref'
import type { CoreContext } from '../../api/context'
import { findPrice, pricedProvider, priceTableFor } from '../../evals/cost'
import { createLimiter } from '../../evals/limits'
import { buildProvider, resolveSettings } from '../../evals/provider-setup'
import type { ProviderSettings } from '../../evals/providers/settings'
import { runnerDefaults } from '../../evals/run-options'
import type { ScoringDeps } from '../deps'
import type { JudgeEnv } from './call'

/** A judge model ready to call, or why it cannot be (unknown provider, missing key). */
export type JudgeSetup = { ok: true; env: JudgeEnv } | { ok: false; error: string }

function settingsOf(ctx: CoreContext, provider: string, deps: ScoringDeps): ProviderSettings | string {
  try {
    return resolveSettings(ctx, provider, deps)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * One provider, limiter lane and price per judge model, built like the runner's: the same settings, keys,
 * retry policy and concurrency limits. A provider that cannot be set up fails its judges, not the scoring.
 */
export async function judgeSetups(
  ctx: CoreContext,
  models: readonly ModelRef[],
  deps: ScoringDeps,
): Promise<Map<string, JudgeSetup>> {
  const limiter = createLimiter()
  const settings = new Map<string, ProviderSettings | string>()
  for (const { provider } of models) {
    if (settings.has(provider)) continue
    const s = settingsOf(ctx, provider, deps)
    settings.set(provider, s)
    if (typeof s !== 'string') limiter.configure(provider, s)
  }
  const providers = new Map(
    [...settings].flatMap(([name, s]) => (typeof s === 'string' ? [] : [[name, pricedProvider(s)] as const])),
  )
  const priced = models.filter((m) => providers.has(m.provider))
  const prices = await priceTableFor(priced, { overrides: ctx.repos.priceOverrides.list(), providers })
  const setups = new Map<string, JudgeSetup>()
  for (const model of models) {
    const s = settings.get(model.provider)
    if (s === undefined || typeof s === 'string') {
      setups.set(modelKey(model), { ok: false, error: s ?? `Unknown provider "${model.provider}"` })
      continue
    }
    const env: JudgeEnv = {
      provider: buildProvider(model.provider, s, deps),
      price: findPrice(prices, model),
      policy: deps.retryPolicy ?? {},
      timeoutMs: deps.timeoutMs ?? runnerDefaults.timeoutMs,
      nowIso: ctx.now,
      schedule: (task) => limiter.schedule(model.provider, task, deps.signal),
      ...(deps.signal ? { signal: deps.signal } : {}),
    }
    setups.set(modelKey(model), { ok: true, env })
  }
  return setups
}
