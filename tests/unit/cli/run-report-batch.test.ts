import { describe, expect, it } from 'vitest'
import { runSummaryText } from '../../../electron/main/cli/run-report'
import type { SliceSummary } from '../../../shared/domain/scoring'
import type { Run } from '../../../shared/domain/runs'

const slice = (extra: Partial<SliceSummary>): SliceSummary => ({
  promptVersionId: 'v1',
  provider: 'acme-openai',
  modelId: 'gpt-4o-mini',
  versionNumber: 2,
  results: 2000,
  errors: 0,
  metrics: [],
  byTag: [],
  costPerInteractionUsd: 0.0001,
  totalCostUsd: 0.2,
  judgeCostUsd: 0,
  latencyP50Ms: null,
  latencyP95Ms: null,
  latencyN: 0,
  batchResults: 0,
  ...extra,
})

// Only the name, status and counts of the run reach the text.
const run = {
  name: 'Nightly',
  status: 'completed',
  counts: { total: 2000, done: 2000, errors: 0, cached: 0, spentUsd: 0.2 },
} as Run

const text = (s: SliceSummary) => runSummaryText(run, { runId: 'r1', suiteVersion: 1, slices: [s] })

describe('the CLI run summary of batch answers', () => {
  it('says "batch" and how many, instead of a latency of —', () => {
    expect(text(slice({ batchResults: 2000 }))).toContain('latency: batch (2000 batch results)')
  })

  it('names what P50/P95 are over when some answers were streamed', () => {
    const mixed = slice({ latencyP50Ms: 800, latencyP95Ms: 2100, latencyN: 300, batchResults: 1700 })
    expect(text(mixed)).toMatch(/P95 .* over 300 streamed calls \(1700 batch results have no latency\)/)
  })

  it('stays as it was for a streamed run', () => {
    const streamed = slice({ latencyP50Ms: 800, latencyP95Ms: 2100, latencyN: 2000 })
    expect(text(streamed)).not.toContain('batch')
  })
})
