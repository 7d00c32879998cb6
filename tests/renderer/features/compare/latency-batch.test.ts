import { describe, expect, it } from 'vitest'
import { latencyBatchNote, latencyRows } from '../../../../renderer/src/features/compare/charts/latency'
import { series } from './fixtures'

describe('the Compare latency chart with batch answers', () => {
  it('says per series how many calls P95 is over and how many batch results have no latency', () => {
    const streamed = series('v3 · azure-prod/gpt-4o')
    const mixed = series('v3 · acme-openai/gpt-4o-mini', { latencyN: 300, batchResults: 2000 })
    const onlyBatch = series('v4 · acme-openai/gpt-4o-mini', {
      latencyN: 0,
      batchResults: 1,
      latencyP50Ms: null,
      latencyP95Ms: null,
    })
    expect(latencyBatchNote([streamed])).toBeNull()
    expect(latencyBatchNote([streamed, mixed, onlyBatch])).toBe(
      'v3 · acme-openai/gpt-4o-mini: P95 over 300 streamed calls; 2,000 batch results have no latency. ' +
        'v4 · acme-openai/gpt-4o-mini: 1 batch result has no latency',
    )
    const rows = latencyRows([mixed])
    expect(rows[0]?.at(-1)).toBe('batch_results_without_latency')
    expect(rows[1]?.at(-1)).toBe(2000)
  })
})
