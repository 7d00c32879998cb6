import { describe, expect, it } from 'vitest'
import { costByTag } from '../../../../electron/main/core/compare/figures'
import type { TagCounts } from '../../../../electron/main/core/db/repos/run-aggregates'
import { latencyBins, niceBin } from '../../../../shared/lib/latency-bins'

const slice = { promptVersionId: 'v', provider: 'p', modelId: 'm' }
const tag = (name: string, results: number, priced: number, costUsd: number): TagCounts => ({
  ...slice,
  tag: name,
  results,
  priced,
  costUsd,
})

describe('costByTag', () => {
  it('averages known costs per tag, keeps an unknown price unknown, tags sorted', () => {
    expect(
      costByTag([tag('tier:pro', 2, 2, 0.03), tag('lang:en', 2, 1, 0.01), tag('tier:free', 1, 0, 0)]),
    ).toEqual([
      { tag: 'lang:en', n: 2, costPerInteractionUsd: 0.01, totalCostUsd: 0.01 },
      { tag: 'tier:free', n: 1, costPerInteractionUsd: null, totalCostUsd: 0 },
      { tag: 'tier:pro', n: 2, costPerInteractionUsd: 0.015, totalCostUsd: 0.03 },
    ])
  })
})

describe('latencyBins', () => {
  it('rounds the bin width to 1, 2 or 5 × a power of ten', () => {
    expect([niceBin(0), niceBin(33.4), niceBin(170), niceBin(7_000)]).toEqual([1, 50, 200, 10_000])
  })

  it('reaches the slowest call with about thirty bins, and has one bin when nothing was timed', () => {
    expect(latencyBins(1000)).toEqual({ binMs: 50, count: 21 })
    expect(latencyBins(0)).toEqual({ binMs: 1, count: 1 })
  })
})
