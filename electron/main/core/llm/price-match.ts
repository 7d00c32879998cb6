import type * as Prices from '@pydantic/genai-prices'
import type { ProviderKind } from '../../../../shared/domain/providers'

/** The parts of @pydantic/genai-prices pricing uses; loaded lazily (the table is large). */
export interface PriceTableLib {
  calcPrice: typeof Prices.calcPrice
  findProvider: typeof Prices.findProvider
}

// Loaded on the first plan or preview, not at startup.
let lib: Promise<PriceTableLib> | null = null

export function loadPriceTable(): Promise<PriceTableLib> {
  lib ??= import('@pydantic/genai-prices').then(
    (m) => ({ calcPrice: m.calcPrice, findProvider: m.findProvider }),
    (error: unknown) => {
      lib = null // let the next call try again
      throw error
    },
  )
  return lib
}

/** Where a model is looked up: the kind of its provider and, for a gateway, its base URL. */
export interface TableSubject {
  kind: ProviderKind
  baseUrl?: string | undefined
}

export interface ListPrice {
  inputPerMTok: number
  outputPerMTok: number | null
  cachedInputPerMTok: number | null
}

/**
 * Prices are read for this many tokens and scaled to a million: some models have context tiers (a
 * higher price past 128k or 200k tokens in one request), and a million-token request would hit them.
 */
const SAMPLE = 1_000
const PER_MTOK = 1_000_000 / SAMPLE

/**
 * The list price of a model through a provider of this kind, or null when the table does not know it.
 * The vendors' own APIs are looked up under their vendor; a gateway (an OpenAI-compatible server that is
 * not local) first by its base URL (OpenRouter, Groq, Together… are in the table), then by the
 * `vendor/model` ids gateways use (`openai/gpt-4o-2024-08-06`), then by the model id across the table.
 */
export function listPrice(lib: PriceTableLib, modelId: string, subject: TableSubject): ListPrice | null {
  for (const options of lookups(modelId, subject)) {
    const input = priceOf(lib, modelId, options, { input_tokens: SAMPLE }, 'input_price')
    if (input === null) continue
    const cached = priceOf(
      lib,
      modelId,
      options,
      { input_tokens: SAMPLE, cache_read_tokens: SAMPLE },
      'input_price',
    )
    return {
      inputPerMTok: perMTok(input),
      outputPerMTok: scaled(priceOf(lib, modelId, options, { output_tokens: SAMPLE }, 'output_price')),
      cachedInputPerMTok: scaled(cached) ?? perMTok(input),
    }
  }
  return null
}

// Rounded: a price of 0.03 must not be frozen into a run as 0.030000000000000002.
const perMTok = (usd: number): number => Number((usd * PER_MTOK).toPrecision(12))
const scaled = (usd: number | null): number | null => (usd === null ? null : perMTok(usd))

/**
 * Where the table keeps a vendor API's prices. Azure OpenAI is priced as the underlying OpenAI model (the
 * model id, not the deployment name); Bedrock under AWS's own model ids (anthropic.claude-…-v1:0).
 */
export function vendorTableId(kind: ProviderKind): string | null {
  switch (kind) {
    case 'openai':
    case 'azure-openai':
      return 'openai'
    case 'anthropic':
      return 'anthropic'
    case 'gemini':
      return 'google'
    case 'bedrock':
      return 'aws'
    case 'openai-compatible':
    case 'demo':
      return null
  }
}

function lookups(modelId: string, subject: TableSubject): Prices.PriceOptions[] {
  const vendorForm = modelId.includes('/')
  // "litellm" is the table's way of reading "vendor/model" ids: it splits them and looks under the vendor.
  const split: Prices.PriceOptions[] = vendorForm
    ? [{ providerId: 'litellm' }, { providerId: 'openrouter' }]
    : []
  const vendor = vendorTableId(subject.kind)
  if (vendor) return [{ providerId: vendor }, ...split]
  const byUrl: Prices.PriceOptions[] = subject.baseUrl ? [{ providerApiUrl: subject.baseUrl }] : []
  // Without a provider id the table matches the model id against each vendor's model names.
  return [...byUrl, ...split, ...(vendorForm ? [] : [{}])]
}

function priceOf(
  lib: PriceTableLib,
  modelId: string,
  options: Prices.PriceOptions,
  usage: Prices.Usage,
  part: 'input_price' | 'output_price',
): number | null {
  try {
    return lib.calcPrice(usage, modelId, options)?.[part] ?? null
  } catch {
    return null // a model the table cannot price is priced as unknown, never a failed run
  }
}

/**
 * The model ids the table names for a provider of this kind (its vendor's, or a known gateway's by its
 * base URL): the exact names in each entry's match rules, e.g. gpt-4o-2024-08-06 besides gpt-4o.
 */
export function tableModelIds(lib: PriceTableLib, subject: TableSubject): string[] {
  const vendor = vendorTableId(subject.kind)
  const provider = vendor
    ? lib.findProvider({ providerId: vendor })
    : subject.baseUrl
      ? lib.findProvider({ providerApiUrl: subject.baseUrl })
      : undefined
  if (!provider) return []
  const ids = new Set<string>()
  for (const model of provider.models) {
    if (model.deprecated) continue
    const exact = exactNames(model.match)
    if (exact.length > 0) exact.forEach((id) => ids.add(id))
    else if (!/[-:.]$/.test(model.id)) ids.add(model.id) // "ft:gpt-4o-" is a prefix, not a model
  }
  return [...ids]
}

function exactNames(match: Prices.MatchLogic): string[] {
  if ('equals' in match) return [match.equals]
  if ('or' in match) return match.or.flatMap(exactNames)
  return []
}
