import type { ModelPrice, BatchPrice } from '../../../../shared/domain/runs'
import { batchSupport } from '../../../../shared/lib/batch-support'
import type { PricedProvider } from './cost'
import { vendorTableId, type PriceTableLib } from './price-match'

/** OpenAI's Batch API and Anthropic's Message Batches both charge half the streamed price (their price pages). */
export const publishedBatchDiscount = 0.5

// The price table's keys for batch prices, should a release add them (0.1.x has none: every batch price is
// the published discount today).
const batchKeys = { input: 'batch_input_mtok', output: 'batch_output_mtok', cached: 'batch_cache_read_mtok' }

/**
 * The batch price of a model whose streamed price is known: none when its provider has no Batch API, zero
 * for a local one, the table's own batch prices where it has them, else the published discount. An override
 * in Settings is a streamed price: its batch price is the same discount of it (the prices screen says so).
 */
export function batchPriceFor(
  price: ModelPrice,
  provider: PricedProvider | undefined,
  lib: PriceTableLib | null,
): BatchPrice | null {
  if (!provider || !batchSupport(provider.kind).supported) return null
  if (price.source === 'local') {
    return { inputPerMTok: 0, outputPerMTok: 0, cachedInputPerMTok: 0, source: 'local', discount: null }
  }
  if (price.inputPerMTok === null || price.outputPerMTok === null) return null
  const fromTable =
    price.source === 'genai-prices' && lib ? tableBatchPrice(lib, price.model, provider) : null
  return fromTable ?? discounted(price, publishedBatchDiscount)
}

function discounted(price: ModelPrice, discount: number): BatchPrice | null {
  if (price.inputPerMTok === null || price.outputPerMTok === null) return null
  const share = (usd: number) => Number((usd * discount).toPrecision(12))
  return {
    inputPerMTok: share(price.inputPerMTok),
    outputPerMTok: share(price.outputPerMTok),
    cachedInputPerMTok: price.cachedInputPerMTok === null ? null : share(price.cachedInputPerMTok),
    source: 'published-discount',
    discount,
  }
}

/** The table's batch prices for the model under its vendor, when the table has them (a flat number each). */
export function tableBatchPrice(
  lib: PriceTableLib,
  modelId: string,
  provider: PricedProvider,
): BatchPrice | null {
  const vendor = vendorTableId(provider.kind)
  if (!vendor) return null
  let prices: Record<string, unknown> | undefined
  try {
    prices = lib.calcPrice({ input_tokens: 1 }, modelId, { providerId: vendor })?.model_price
  } catch {
    return null
  }
  const input = prices?.[batchKeys.input]
  const output = prices?.[batchKeys.output]
  if (typeof input !== 'number' || typeof output !== 'number') return null
  const cached = prices?.[batchKeys.cached]
  return {
    inputPerMTok: input,
    outputPerMTok: output,
    cachedInputPerMTok: typeof cached === 'number' ? cached : null,
    source: 'table',
    discount: null,
  }
}
