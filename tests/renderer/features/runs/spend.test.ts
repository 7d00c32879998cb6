import { describe, expect, it } from 'vitest'
import { spendText } from '../../../../renderer/src/features/runs/detail/spend'
import type { ModelPrice } from '../../../../shared/domain/runs'
import { makeRun } from '../../fixtures/fake-runs'

const price = (model: string, source: ModelPrice['source']): ModelPrice => {
  const known = source === 'unknown' ? null : 1
  return {
    provider: 'gateway',
    model,
    inputPerMTok: known,
    outputPerMTok: known,
    cachedInputPerMTok: known,
    source,
    batch: null,
  }
}

describe('spendText', () => {
  it('says unknown, never $0, when no model of the run has a price', () => {
    const run = makeRun('r', { priceTable: [price('qwen2.5-7b', 'unknown')] })
    expect(spendText(run)).toEqual({
      text: 'unknown',
      note: 'No price for gateway/qwen2.5-7b: set one in Settings → Prices',
    })
  })

  it('adds "+ unknown" when only some models are priced, and is plain otherwise', () => {
    const counts = { total: 10, done: 10, errors: 0, cached: 0, spentUsd: 0.1234 }
    const mixed = makeRun('r', {
      counts,
      priceTable: [price('gpt-4o', 'genai-prices'), price('qwen', 'unknown')],
    })
    expect(spendText(mixed).text).toBe('$0.12 + unknown')
    const local = makeRun('r', { counts: { ...counts, spentUsd: 0 }, priceTable: [price('qwen', 'local')] })
    expect(spendText(local)).toEqual({ text: '$0', note: null })
  })
})
