import type { ModelRef } from '../../../../shared/domain/prompts'
import type { PriceOverride, ProviderKind } from '../../../../shared/domain/providers'
import type { ModelPrice } from '../../../../shared/domain/runs'
import { sameModel } from '../../../../shared/lib/model-ref'
import { batchPriceFor } from './batch-price'
import { listPrice, loadPriceTable, type PriceTableLib } from './price-match'
import { settingsAreLocal, type ProviderSettings } from './providers/settings'
import type { ChatUsage } from './providers/types'

const MTOK = 1_000_000

/** What pricing needs to know of a provider: whether its calls are free, and where to look its models up. */
export interface PricedProvider {
  kind: ProviderKind
  /** A server of the user's own (or the simulated model): its calls cost nothing. */
  isLocal: boolean
  baseUrl?: string | undefined
}

export function pricedProvider(settings: ProviderSettings): PricedProvider {
  return { kind: settings.kind, isLocal: settingsAreLocal(settings), baseUrl: settings.baseUrl }
}

/** What a price table is built from besides the maintained table. */
export interface PriceContext {
  /** The user's own prices; they win over the table and over "local is free". */
  overrides: readonly PriceOverride[]
  /**
   * The providers the models are called through, by name. A local one costs 0; a hosted one is priced from
   * the table; a model whose provider is not here (no such provider) has an unknown price.
   */
  providers: ReadonlyMap<string, PricedProvider>
}

/**
 * The prices of each model, per million tokens, frozen into the run when it is created: costs of a run
 * resumed next month are computed with the prices it started with, whatever the overrides say by then.
 * Nothing is ever priced at 0 for want of a price: a model the table does not know is 'unknown'. Each price
 * carries its batch price (see batch-price.ts): null where the provider has no Batch API or the price is unknown.
 */
export async function priceTableFor(
  models: readonly ModelRef[],
  context: PriceContext,
): Promise<ModelPrice[]> {
  const fixed = models.map((m) => fixedPrice(m, context))
  // The table is only loaded when some model needs it: a demo run never pays for the import.
  const lib = fixed.every((p) => p !== undefined) ? null : await loadPriceTable()
  return models.map((m, i) => {
    const provider = context.providers.get(m.provider)
    const price = fixed[i] ?? tablePrice(lib, m, provider)
    return { ...price, batch: batchPriceFor(price, provider, lib) }
  })
}

/** An override, or zero for a local provider; undefined when the price must come from the table. */
function fixedPrice(m: ModelRef, context: PriceContext): ModelPrice | undefined {
  const base = { provider: m.provider, model: m.model }
  const override = context.overrides.find((o) => o.provider === m.provider && o.model === m.model)
  if (override) {
    const { inputPerMTok, outputPerMTok } = override
    const cachedInputPerMTok = override.cachedInputPerMTok ?? inputPerMTok
    return { ...base, inputPerMTok, outputPerMTok, cachedInputPerMTok, source: 'override', batch: null }
  }
  if (context.providers.get(m.provider)?.isLocal) {
    return { ...base, inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0, source: 'local', batch: null }
  }
  return undefined
}

function tablePrice(
  lib: PriceTableLib | null,
  m: ModelRef,
  provider: PricedProvider | undefined,
): ModelPrice {
  const base = { provider: m.provider, model: m.model }
  const price = lib && provider ? listPrice(lib, m.model, provider) : null
  if (!price) {
    return {
      ...base,
      inputPerMTok: null,
      outputPerMTok: null,
      cachedInputPerMTok: null,
      source: 'unknown',
      batch: null,
    }
  }
  return { ...base, ...price, source: 'genai-prices', batch: null }
}

export function findPrice(table: readonly ModelPrice[], model: ModelRef): ModelPrice | undefined {
  return table.find((p) => sameModel(p, model))
}

/** USD for one call at the run's frozen prices; null when the model has no known price. */
export function costOf(price: ModelPrice | undefined, usage: ChatUsage): number | null {
  if (!price || price.inputPerMTok === null || price.outputPerMTok === null) return null
  const cached = Math.min(usage.cachedTokens, usage.inputTokens)
  const cachedRate = price.cachedInputPerMTok ?? price.inputPerMTok
  const usd =
    (usage.inputTokens - cached) * price.inputPerMTok +
    cached * cachedRate +
    usage.outputTokens * price.outputPerMTok
  return usd / MTOK
}

/**
 * USD for one call answered through the provider's Batch API, at the batch price frozen into the run; null when
 * the run has no batch price for the model (unknown, never the streamed price passed off as the batch one).
 */
export function batchCostOf(price: ModelPrice | undefined, usage: ChatUsage): number | null {
  const batch = price?.batch
  if (!batch) return null
  return costOf({ ...batch, provider: '', model: '', source: 'override', batch: null }, usage)
}
