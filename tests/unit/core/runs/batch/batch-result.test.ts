import { describe, expect, it } from 'vitest'
import { costOf } from '../../../../../electron/main/core/llm/cost'
import { batchAnswer, batchError } from '../../../../../electron/main/core/runs/batch/batch-result'
import type { ResultBase } from '../../../../../electron/main/core/runs/item-result'
import type { ModelPrice } from '../../../../../shared/domain/runs'

const base: ResultBase = {
  runId: 'run_1',
  caseId: 'c1',
  promptVersionId: 'v1',
  promptHash: 'h',
  provider: 'acme-openai',
  modelId: 'gpt-4o-mini',
  repeat: 0,
  params: {},
  request: { messages: [{ role: 'user', content: 'hi' }], params: {} },
  createdAt: '2026-03-04T14:00:00.000Z',
  toolCalls: [],
  steps: null,
  batch: false,
}
const streamed = { inputPerMTok: 0.15, outputPerMTok: 0.6, cachedInputPerMTok: 0.075 }
const price: ModelPrice = {
  provider: 'acme-openai',
  model: 'gpt-4o-mini',
  ...streamed,
  source: 'genai-prices',
  batch: {
    inputPerMTok: 0.075,
    outputPerMTok: 0.3,
    cachedInputPerMTok: 0.0375,
    source: 'published-discount',
    discount: 0.5,
  },
}
const at = {
  attempt: 2,
  remoteId: 'batch_7',
  submittedAt: '2026-03-04T14:02:00.000Z',
  endedAt: '2026-03-04T16:02:00.000Z',
}
const usage = { inputTokens: 1200, outputTokens: 300, cachedTokens: 200 }
const response = { text: 'refund', toolCalls: [], finishReason: 'stop', usage, ttftMs: 5, totalMs: 9 }

describe('a result from a batch', () => {
  it('is charged at the batch price, has no latency, and says it came from which job', () => {
    const result = batchAnswer(base, response, price, at)
    expect(result.costUsd).toBeCloseTo((costOf(price, usage) ?? 0) / 2, 12)
    expect(result).toMatchObject({ batch: true, ttftMs: null, totalMs: null, attempts: 2, cached: false })
    expect(result.attemptLog).toEqual([
      {
        attempt: 2,
        startedAt: Date.parse(at.submittedAt),
        endedAt: Date.parse(at.endedAt),
        outcome: 'ok',
        message: 'batch: answered in batch job batch_7',
      },
    ])
  })

  it('has an unknown cost when the run froze no batch price, never the streamed one', () => {
    expect(batchAnswer(base, response, { ...price, batch: null }, at).costUsd).toBeNull()
  })

  it('records an error with what happened', () => {
    const result = batchError(base, 'timeout', 'expired in 3 batch jobs', { ...at, attempt: 3 })
    expect(result).toMatchObject({
      errorKind: 'timeout',
      errorMessage: 'expired in 3 batch jobs',
      attempts: 3,
      costUsd: null,
      batch: true,
    })
  })
})
