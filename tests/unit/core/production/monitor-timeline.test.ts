import { describe, expect, it } from 'vitest'
import type { StoredProductionImport as StoredImport } from '../../../../electron/main/core/db/repos/production'
import { oldestFirst, periodLabel } from '../../../../electron/main/core/production/timeline'

describe('periodLabel', () => {
  it('names the days the calls span, in UTC', () => {
    expect(periodLabel('2026-11-20T09:14:03Z', '2026-11-21T23:59:00Z', 'log.jsonl')).toBe('Nov 20 – Nov 21')
    expect(periodLabel('2026-11-20T00:00:00Z', '2026-11-20T23:00:00Z', 'log.jsonl')).toBe('Nov 20')
    expect(periodLabel('2026-12-30T00:00:00Z', '2027-01-02T00:00:00Z', 'log.jsonl')).toBe(
      'Dec 30, 2026 – Jan 2, 2027',
    )
  })

  it('falls back to the file name when the log has no usable timestamps', () => {
    expect(periodLabel(null, null, 'log.jsonl')).toBe('log.jsonl')
    expect(periodLabel('yesterday', null, 'log.jsonl')).toBe('log.jsonl')
  })
})

describe('oldestFirst', () => {
  const imp = (id: string, periodStart: string | null, importedAt: string): StoredImport => ({
    id,
    promptId: 'p',
    fileName: `${id}.jsonl`,
    format: 'openai-log',
    importedAt,
    importedBy: 'tester',
    total: 1,
    sampled: 1,
    sampleRate: 1,
    periodStart,
    periodEnd: periodStart,
    runId: `run-${id}`,
    datasetId: 'd',
    scoredSuiteVersion: null,
  })

  it('orders points by when the calls were made, not when they were imported', () => {
    // Newest import first, as stored: a log of October imported after November's.
    const stored = [
      imp('october', '2026-10-01T00:00:00Z', '2026-11-23T00:00:00Z'),
      imp('november', '2026-11-20T00:00:00Z', '2026-11-22T00:00:00Z'),
      imp('undated', null, '2026-11-21T00:00:00Z'),
    ]
    expect(oldestFirst(stored).map((i) => i.id)).toEqual(['october', 'november', 'undated'])
  })
})
