import type * as Prices from '@pydantic/genai-prices'
import type { ModelRef } from '../../../../shared/domain/prompts'
import type { PriceOverride, ProviderKind } from '../../../../shared/domain/providers'
import type { ModelPrice } from '../../../../shared/domain/runs'
import type { ChatUsage } from './providers/types'

// Loaded on the first plan, not at startup, like prompts/preview.ts: the price table is large.
let prices: Promise<typeof Prices.calcPrice> | null = null

function loadCalcPrice(): Promise<typeof Prices.calcPrice> {
  prices ??= import('@pydantic/genai-prices').then(
    (m) => m.calcPrice,
    (error: unknown) => {
      prices = null // let the next plan try again
      throw error
    },
  )
  return prices
}

/** Local and simulated models are free; their calls are never priced from a table. */
const localKinds: ReadonlySet<ProviderKind> = new Set(['openai-compatible', 'demo'])

const MTOK = 1_000_000

/** What a price table is built from besides the maintained table. */
export interface PriceContext {
  /** The user's own prices; they win over the table and over "local is free". */
  overrides: readonly PriceOverride[]
  /** The kind of each provider of the plan: local kinds cost 0, and a user's "openai-work" reads openai's prices. */
  kinds: ReadonlyMap<string, ProviderKind>
}

/**
 * The prices of each model, per million tokens, frozen into the run when it is created: costs of a run
 * resumed next month are computed with the prices it started with, whatever the overrides say by then.
 */
export async function priceTableFor(
  models: readonly ModelRef[],
  context: PriceContext,
): Promise<ModelPrice[]> {
  const fixed = models.map((m) => fixedPrice(m, context))
  // The table is only loaded when some model needs it: a demo run never pays for the import.
  const calcPrice = fixed.every((p) => p !== undefined) ? null : await loadCalcPrice()
  return models.map((m, i) => fixed[i] ?? tablePrice(calcPrice, m, context.kinds.get(m.provider)))
}

/** An override, or zero for a local model; undefined when the price must come from the table. */
function fixedPrice(m: ModelRef, context: PriceContext): ModelPrice | undefined {
  const base = { provider: m.provider, model: m.model }
  const override = context.overrides.find((o) => o.provider === m.provider && o.model === m.model)
  if (override) {
    const { inputPerMTok, outputPerMTok } = override
    const cachedInputPerMTok = override.cachedInputPerMTok ?? inputPerMTok
    return { ...base, inputPerMTok, outputPerMTok, cachedInputPerMTok, source: 'override' }
  }
  const kind = context.kinds.get(m.provider)
  if (kind && localKinds.has(kind)) {
    return { ...base, inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0, source: 'local' }
  }
  return undefined
}

function tablePrice(
  calcPrice: typeof Prices.calcPrice | null,
  m: ModelRef,
  kind: ProviderKind | undefined,
): ModelPrice {
  const base = { provider: m.provider, model: m.model }
  const unknown: ModelPrice = {
    ...base,
    inputPerMTok: null,
    outputPerMTok: null,
    cachedInputPerMTok: null,
    source: 'unknown',
  }
  if (!calcPrice) return unknown
  const providerId = kind ?? m.provider
  const price = (usage: Prices.Usage, part: 'input_price' | 'output_price'): number | null => {
    try {
      return calcPrice(usage, m.model, { providerId })?.[part] ?? null
    } catch {
      return null // an unknown model is priced as unknown, never a failed run
    }
  }
  const inputPerMTok = price({ input_tokens: MTOK, output_tokens: 0 }, 'input_price')
  if (inputPerMTok === null) return unknown
  return {
    ...base,
    inputPerMTok,
    outputPerMTok: price({ input_tokens: 0, output_tokens: MTOK }, 'output_price'),
    cachedInputPerMTok:
      price({ input_tokens: MTOK, cache_read_tokens: MTOK, output_tokens: 0 }, 'input_price') ?? inputPerMTok,
    source: 'genai-prices',
  }
}

export function findPrice(table: readonly ModelPrice[], model: ModelRef): ModelPrice | undefined {
  return table.find((p) => p.provider === model.provider && p.model === model.model)
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
