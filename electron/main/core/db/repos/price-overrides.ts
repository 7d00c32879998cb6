import type { PriceOverride } from '../../../../../shared/domain/providers'
import type { Db } from '../connection'

interface PriceRow {
  provider: string
  model: string
  input_per_mtok: number
  output_per_mtok: number
  cached_input_per_mtok: number | null
}

const columns = 'provider, model, input_per_mtok, output_per_mtok, cached_input_per_mtok'

export type PriceOverridesRepo = ReturnType<typeof createPriceOverridesRepo>

/** The user's own prices per model; read whole when a run freezes its price table (there are few). */
export function createPriceOverridesRepo(db: Db) {
  const statements = {
    list: db.prepare<[], PriceRow>(`SELECT ${columns} FROM price_overrides ORDER BY provider, model`),
    get: db.prepare<[string, string], PriceRow>(
      `SELECT ${columns} FROM price_overrides WHERE provider = ? AND model = ?`,
    ),
    upsert: db.prepare(
      `INSERT INTO price_overrides (${columns}, updated_at)
       VALUES (@provider, @model, @inputPerMTok, @outputPerMTok, @cachedInputPerMTok, @updatedAt)
       ON CONFLICT (provider, model) DO UPDATE SET input_per_mtok = excluded.input_per_mtok,
         output_per_mtok = excluded.output_per_mtok, cached_input_per_mtok = excluded.cached_input_per_mtok,
         updated_at = excluded.updated_at`,
    ),
    delete: db.prepare('DELETE FROM price_overrides WHERE provider = ? AND model = ?'),
  }
  return {
    list: (): PriceOverride[] => statements.list.all().map(toOverride),
    get: (provider: string, model: string): PriceOverride | undefined => {
      const row = statements.get.get(provider, model)
      return row ? toOverride(row) : undefined
    },
    upsert: (price: PriceOverride, updatedAt: string): void => {
      statements.upsert.run({ ...price, updatedAt })
    },
    /** True when a row was removed. */
    delete: (provider: string, model: string): boolean => statements.delete.run(provider, model).changes > 0,
  }
}

function toOverride(row: PriceRow): PriceOverride {
  return {
    provider: row.provider,
    model: row.model,
    inputPerMTok: row.input_per_mtok,
    outputPerMTok: row.output_per_mtok,
    cachedInputPerMTok: row.cached_input_per_mtok,
  }
}
