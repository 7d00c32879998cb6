import { describe, expect, it } from 'vitest'
import type { StoredProductionImport as StoredImport } from '../../../../electron/main/core/db/repos/production'
import type { ResultFacts, StoredScore } from '../../../../electron/main/core/db/repos/run-scores'
import { resultKey } from '../../../../electron/main/core/db/repos/run-scores'
import type { ImportScores } from '../../../../electron/main/core/production/monitor-metrics'
import { monitorTimeline, oldestFirst, periodLabel } from '../../../../electron/main/core/production/timeline'

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

describe('oldestFirst', () => {
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

const fact = (caseId: string, totalMs: number): ResultFacts => ({
  caseId,
  promptVersionId: 'v4',
  provider: 'demo',
  modelId: 'm',
  repeat: 0,
  costUsd: null,
  totalMs,
  failed: false,
  cached: false,
})

const score = (caseId: string, value: number): StoredScore => ({
  ...fact(caseId, 0),
  runId: 'run',
  metric: 'format.json',
  scorerHash: 'h',
  value,
  raw: value,
  passed: value === 1,
  reason: '',
  source: 'format',
  details: {},
  createdAt: '2026-11-24T00:00:00Z',
})

/** Calls c1…c4: c1 and c2 on Nov 20 (c2 fails the format), c3 and c4 on Nov 22; `times` may be overridden. */
function scoresOf(times: Record<string, string> = {}): ImportScores {
  const at: Record<string, string> = {
    c1: '2026-11-20T09:00:00.000Z',
    c2: '2026-11-20T17:30:00.000Z',
    c3: '2026-11-22T23:59:00.000Z',
    c4: '2026-11-22T01:00:00.000Z',
    ...times,
  }
  const facts = ['c1', 'c2', 'c3', 'c4'].map((id, i) => fact(id, 1000 * (i + 1)))
  return {
    runId: 'run',
    metrics: [],
    scores: new Map([['format.json', ['c1', 'c2', 'c3', 'c4'].map((id) => score(id, id === 'c2' ? 0 : 1))]]),
    facts,
    times: new Map(facts.map((f) => [resultKey(f), at[f.caseId] ?? ''])),
  }
}

describe('monitorTimeline', () => {
  const week = imp('week', '2026-11-20T09:00:00.000Z', '2026-11-24T00:00:00Z')

  it('puts one point per UTC day of calls, each over that day only, keeping the import id', () => {
    const points = monitorTimeline([week], () => scoresOf())
    expect(points.map((p) => [p.importId, p.label, p.periodStart, p.periodEnd, p.n])).toEqual([
      ['week', 'Nov 20', '2026-11-20T09:00:00.000Z', '2026-11-20T17:30:00.000Z', 2],
      ['week', 'Nov 22', '2026-11-22T01:00:00.000Z', '2026-11-22T23:59:00.000Z', 2],
    ])
    expect(points[0]?.metrics['latency.p95_ms']?.n).toBe(2)
    expect(points.map((p) => p.metrics['error.rate']?.n)).toEqual([2, 2])
  })

  it('keeps an import whose calls fall on one day, or lack a usable time, as one point', () => {
    const oneDay = scoresOf({ c3: '2026-11-20T10:00:00.000Z', c4: '2026-11-20T11:00:00.000Z' })
    // The whole import's point: its own period and label.
    expect(monitorTimeline([week], () => oneDay).map((p) => [p.label, p.periodStart, p.n])).toEqual([
      ['Nov 20', week.periodStart, 4],
    ])
    const undated = scoresOf({ c3: 'not a time' })
    expect(monitorTimeline([week], () => undated).map((p) => [p.importId, p.n])).toEqual([['week', 4]])
  })
})
