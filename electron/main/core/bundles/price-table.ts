import { modelPriceSchema, type ModelPrice } from '../../../../shared/domain/runs'
import { modelKey } from '../../../../shared/lib/model-ref'

/**
 * A run's frozen price list as baseline.json keeps it: keyed "provider/model" so the file's key order (sorted)
 * and not the run's array order decides the bytes. Each value is the whole price, so the list is rebuilt from
 * the values alone.
 */
export function priceTableRecord(prices: readonly ModelPrice[]): Record<string, ModelPrice> {
  return Object.fromEntries(prices.map((p) => [modelKey(p), p]))
}

/** The run's price list back from baseline.json's record, in key order; each value must be a whole price. */
export function priceTableFromRecord(record: Record<string, unknown>): ModelPrice[] {
  return Object.keys(record)
    .sort()
    .map((key) => modelPriceSchema.parse(record[key]))
}
