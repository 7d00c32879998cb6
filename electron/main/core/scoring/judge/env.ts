import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelKey } from '../../../../../shared/lib/model-ref'
import type { CoreContext } from '../../context'
import { findPrice, pricedProvider, priceTableFor } from '../../llm/cost'
import type { ProviderSettings } from '../../llm/providers/settings'
import type { ScoringDeps } from '../deps'
import type { JudgeEnv } from './call'

/** A judge model ready to call, or why it cannot be (unknown provider, missing key). */
export type JudgeSetup = { ok: true; env: JudgeEnv } | { ok: false; error: string }

function settingsOf(ctx: CoreContext, provider: string): ProviderSettings | string {
  try {
    return ctx.llm.settings(provider)
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * One provider, lane and price per judge model, from the core's LLM gateway like the runner's: the same
 * settings, keys and call time limits, and the same lane, so judges and runs on one provider share its
 * concurrency and rate. A provider that cannot be set up fails its judges, not the scoring.
 */
export async function judgeSetups(
  ctx: CoreContext,
  models: readonly ModelRef[],
  deps: ScoringDeps,
): Promise<Map<string, JudgeSetup>> {
  const settings = new Map<string, ProviderSettings | string>()
  for (const { provider } of models) {
    if (settings.has(provider)) continue
    settings.set(provider, settingsOf(ctx, provider))
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
      ...ctx.llm.provider(model.provider, s),
      price: findPrice(prices, model),
      policy: deps.retryPolicy ?? {},
      ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}),
      nowIso: ctx.now,
      ...(deps.signal ? { signal: deps.signal } : {}),
    }
    setups.set(modelKey(model), { ok: true, env })
  }
  return setups
}
