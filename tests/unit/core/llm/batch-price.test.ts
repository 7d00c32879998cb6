import { describe, expect, it } from 'vitest'
import { batchPriceFor, tableBatchPrice } from '../../../../electron/main/core/llm/batch-price'
import {
  batchCostOf,
  costOf,
  priceTableFor,
  type PricedProvider,
} from '../../../../electron/main/core/llm/cost'
import { loadPriceTable, type PriceTableLib } from '../../../../electron/main/core/llm/price-match'
import type { ModelPrice } from '../../../../shared/domain/runs'

const providers = new Map<string, PricedProvider>([
  ['acme-openai', { kind: 'openai', isLocal: false }],
  ['claude-team', { kind: 'anthropic', isLocal: false }],
  ['azure-prod', { kind: 'azure-openai', isLocal: false, baseUrl: 'https://acme.openai.azure.com' }],
  ['sim-lab', { kind: 'demo', isLocal: true }],
  ['vllm-box', { kind: 'openai-compatible', isLocal: true, baseUrl: 'http://127.0.0.1:8000/v1' }],
])

async function prices(models: { provider: string; model: string }[]) {
  return priceTableFor(models, { overrides: [], providers })
}

describe('batch prices in the price snapshot', () => {
  it('halves the streamed table price for providers with a Batch API (the table has no batch prices)', async () => {
    const [gpt, claude] = await prices([
      { provider: 'acme-openai', model: 'gpt-4o-mini' },
      { provider: 'claude-team', model: 'claude-3-5-haiku-20241022' },
    ])
    for (const p of [gpt, claude]) {
      expect(p?.source).toBe('genai-prices')
      expect(p?.inputPerMTok).toBeGreaterThan(0)
      expect(p?.batch).toEqual({
        inputPerMTok: (p?.inputPerMTok ?? 0) / 2,
        outputPerMTok: (p?.outputPerMTok ?? 0) / 2,
        cachedInputPerMTok: p?.cachedInputPerMTok === null ? null : (p?.cachedInputPerMTok ?? 0) / 2,
        source: 'published-discount',
        discount: 0.5,
      })
    }
  })

  it('has none for a kind without a Batch API, whatever its streamed price', async () => {
    const [azure, local] = await prices([
      { provider: 'azure-prod', model: 'gpt-4o-mini' },
      { provider: 'vllm-box', model: 'qwen2.5' },
    ])
    expect(azure?.inputPerMTok).toBeGreaterThan(0)
    expect(azure?.batch).toBeNull()
    expect(local?.source).toBe('local')
    expect(local?.batch).toBeNull()
  })

  it('is zero for a local provider with batch jobs, and unknown (never 0) for an unknown model', async () => {
    const [sim, unknown] = await prices([
      { provider: 'sim-lab', model: 'triage-sim-2026-03' },
      { provider: 'acme-openai', model: 'acme-internal-model-7' },
    ])
    expect(sim?.batch).toEqual({
      inputPerMTok: 0,
      outputPerMTok: 0,
      cachedInputPerMTok: 0,
      source: 'local',
      discount: null,
    })
    expect(unknown?.source).toBe('unknown')
    expect(unknown?.batch).toBeNull()
    expect(batchCostOf(unknown, { inputTokens: 100, outputTokens: 10, cachedTokens: 0 })).toBeNull()
  })

  it('halves an override from Settings, also on a local provider', async () => {
    const [own, sim] = await priceTableFor(
      [
        { provider: 'claude-team', model: 'claude-acme-ft' },
        { provider: 'sim-lab', model: 'triage-sim-2026-09' },
      ],
      {
        providers,
        overrides: [
          {
            provider: 'claude-team',
            model: 'claude-acme-ft',
            inputPerMTok: 3,
            outputPerMTok: 15,
            cachedInputPerMTok: null,
          },
          {
            provider: 'sim-lab',
            model: 'triage-sim-2026-09',
            inputPerMTok: 1,
            outputPerMTok: 2,
            cachedInputPerMTok: null,
          },
        ],
      },
    )
    expect(own?.batch).toEqual({
      inputPerMTok: 1.5,
      outputPerMTok: 7.5,
      cachedInputPerMTok: 1.5,
      source: 'published-discount',
      discount: 0.5,
    })
    expect(sim?.batch?.inputPerMTok).toBe(0.5)
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000, cachedTokens: 0 }
    expect(batchCostOf(own, usage)).toBe(9)
    expect(costOf(own, usage)).toBe(18)
  })

  it("takes the table's own batch prices when it has them", async () => {
    const real = await loadPriceTable()
    const lib: PriceTableLib = {
      ...real,
      calcPrice: (usage, modelId, options) => {
        const found = real.calcPrice(usage, modelId, options)
        if (!found) return found
        const modelPrice = { ...found.model_price, batch_input_mtok: 0.07, batch_output_mtok: 0.3 }
        return { ...found, model_price: modelPrice }
      },
    }
    const provider: PricedProvider = { kind: 'openai', isLocal: false }
    expect(tableBatchPrice(lib, 'gpt-4o-mini', provider)).toEqual({
      inputPerMTok: 0.07,
      outputPerMTok: 0.3,
      cachedInputPerMTok: null,
      source: 'table',
      discount: null,
    })
    const streamed: ModelPrice = {
      provider: 'acme-openai',
      model: 'gpt-4o-mini',
      inputPerMTok: 0.15,
      outputPerMTok: 0.6,
      cachedInputPerMTok: 0.075,
      source: 'genai-prices',
      batch: null,
    }
    expect(batchPriceFor(streamed, provider, lib)?.source).toBe('table')
    // An override is the user's streamed price: the table's batch price of the list price does not apply.
    expect(batchPriceFor({ ...streamed, source: 'override' }, provider, lib)?.source).toBe(
      'published-discount',
    )
  })
})
