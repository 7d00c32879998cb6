import type * as Prices from '@pydantic/genai-prices'
import type { ModelRef } from '../../../../shared/domain/prompts'
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
export const localProviders: ReadonlySet<string> = new Set(['openai-compatible', 'demo'])

const MTOK = 1_000_000

/**
 * The list prices of each model, per million tokens, frozen into the run when it is created: costs of a
 * run resumed next month are computed with the prices it started with.
 */
export async function priceTableFor(models: readonly ModelRef[]): Promise<ModelPrice[]> {
  const calcPrice = await loadCalcPrice()
  return models.map((m) => priceOf(calcPrice, m))
}

function priceOf(calcPrice: typeof Prices.calcPrice, m: ModelRef): ModelPrice {
  const base = { provider: m.provider, model: m.model }
  if (localProviders.has(m.provider)) {
    return { ...base, inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0, source: 'local' }
  }
  const price = (usage: Prices.Usage, part: 'input_price' | 'output_price'): number | null => {
    try {
      return calcPrice(usage, m.model, { providerId: m.provider })?.[part] ?? null
    } catch {
      return null // an unknown model is priced as unknown, never a failed run
    }
  }
  const inputPerMTok = price({ input_tokens: MTOK, output_tokens: 0 }, 'input_price')
  if (inputPerMTok === null) {
    return { ...base, inputPerMTok: null, outputPerMTok: null, cachedInputPerMTok: null, source: 'unknown' }
  }
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
