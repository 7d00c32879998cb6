import { describe, expect, it } from 'vitest'
import { answeredLatencies, costByTag, sampleEvenly } from '../../../../electron/main/core/compare/figures'
import type { ResultFacts } from '../../../../electron/main/core/db/repos/run-scores'

const fact = (caseId: string, over: Partial<ResultFacts> = {}): ResultFacts => ({
  caseId,
  promptVersionId: 'v',
  modelId: 'm',
  provider: 'p',
  repeat: 0,
  costUsd: 0.01,
  totalMs: 100,
  failed: false,
  cached: false,
  ...over,
})

describe('sampleEvenly', () => {
  it('returns every value, sorted, when there are few enough', () => {
    expect(sampleEvenly([3, 1, 2], 5)).toEqual([1, 2, 3])
  })

  it('keeps both extremes and spreads the rest evenly over the sorted values', () => {
    const values = Array.from({ length: 10_001 }, (_, i) => 10_000 - i)
    const sample = sampleEvenly(values, 5)
    expect(sample).toEqual([0, 2_500, 5_000, 7_500, 10_000])
    expect(sampleEvenly(values)).toHaveLength(5_000)
  })
})

describe('answeredLatencies', () => {
  it('leaves out failed calls, cache hits and missing timings, as the summary does', () => {
    const facts = [
      fact('a', { totalMs: 10 }),
      fact('b', { totalMs: 20, failed: true }),
      fact('c', { totalMs: 30, cached: true }),
      fact('d', { totalMs: null }),
    ]
    expect(answeredLatencies(facts)).toEqual([10])
  })
})

describe('costByTag', () => {
  it('counts results per tag, averages known costs and sums them, tags sorted', () => {
    const tags = new Map([
      ['a', ['tier:pro', 'lang:en']],
      ['b', ['tier:free', 'lang:en']],
      ['c', ['tier:pro']],
    ])
    const facts = [
      fact('a', { costUsd: 0.02 }),
      fact('b', { costUsd: null }),
      fact('c', { costUsd: 0.04 }),
      fact('unknown-case'),
    ]
    expect(costByTag(facts, tags)).toEqual([
      { tag: 'lang:en', n: 2, costPerInteractionUsd: 0.02, totalCostUsd: 0.02 },
      { tag: 'tier:free', n: 1, costPerInteractionUsd: null, totalCostUsd: 0 },
      { tag: 'tier:pro', n: 2, costPerInteractionUsd: expect.closeTo(0.03, 12), totalCostUsd: 0.06 },
    ])
  })
})
