import { describe, expect, it } from 'vitest'
import { evaluateAlerts, violates } from '../../../../electron/main/core/production/alerts'
import type { CallDetail } from '../../../../electron/main/core/production/monitor-cases'
import { importMetrics, type ImportScores } from '../../../../electron/main/core/production/monitor-metrics'
import type { ResultFacts, StoredScore } from '../../../../electron/main/core/db/repos/run-scores'
import type { SuiteMetric } from '../../../../electron/main/core/scoring/metrics'
import type { AlertThreshold, MonitorPoint } from '../../../../shared/domain/production'

const format: SuiteMetric = {
  metric: 'format.json',
  label: 'Output is valid JSON',
  scorer: {
    metric: 'format.json',
    label: 'Output is valid JSON',
    config: { kind: 'format', format: { check: 'json' } },
  },
  hash: 'h1',
  kind: 'pass_rate',
  source: 'format',
  rubric: null,
  criterion: null,
}

const key = (i: number) => ({
  caseId: `case-${i}`,
  promptVersionId: 'v4',
  provider: 'demo',
  modelId: 'm',
  repeat: 0,
})

function score(i: number, value: number | null): StoredScore {
  return {
    ...key(i),
    runId: 'run-1',
    metric: 'format.json',
    scorerHash: 'h1',
    source: 'format',
    value,
    raw: value,
    passed: value === null ? null : value >= 1,
    reason: value === 1 ? 'valid JSON' : value === null ? 'unscored' : 'not JSON',
    details: {},
    createdAt: '2026-11-22T00:00:00Z',
  }
}

function fact(i: number, totalMs: number, failed = false): ResultFacts {
  return { ...key(i), provider: 'openai', costUsd: 0.002, totalMs, failed, cached: false }
}

// Ten calls: 0 and 1 are not JSON, 2 is unscored, 9 failed; 7 and 8 are slow.
const data: ImportScores = {
  runId: 'run-1',
  metrics: [format],
  scores: new Map([
    ['format.json', [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => score(i, i < 2 ? 0 : i === 2 ? null : 1))],
  ]),
  facts: Array.from({ length: 10 }, (_, i) => fact(i, i === 7 ? 9000 : i === 8 ? 15000 : 1000 + i, i === 9)),
  times: new Map(),
}
const point: MonitorPoint = {
  importId: 'imp-1',
  label: 'Nov 20',
  periodStart: null,
  periodEnd: null,
  n: 10,
  metrics: importMetrics(data),
}
const details = (k: { caseId: string }): CallDetail => ({
  caseId: k.caseId,
  externalId: `call-${k.caseId}`,
  input: `subject: ${k.caseId}`,
  output: '{',
  error: k.caseId === 'case-9' ? 'HTTP 500 from the provider' : null,
})
const alertsFor = (thresholds: AlertThreshold[]) =>
  evaluateAlerts({ thresholds, point, data, details, labelOf: (m) => (m === 'format.json' ? 'JSON' : m) })

describe('violates', () => {
  it('reads min as "must not fall below" and max as "must not rise above"', () => {
    expect(violates(0.9, { metric: 'x', direction: 'min', value: 0.95 })).toBe(true)
    expect(violates(0.95, { metric: 'x', direction: 'min', value: 0.95 })).toBe(false)
    expect(violates(9000, { metric: 'x', direction: 'max', value: 8000 })).toBe(true)
    expect(violates(8000, { metric: 'x', direction: 'max', value: 8000 })).toBe(false)
  })
})

describe('import metrics', () => {
  it('computes the pass rate over scored results only, and the operational metrics', () => {
    expect(point.metrics['format.json']).toMatchObject({ value: 6 / 8, n: 8 })
    expect(point.metrics['error.rate']).toMatchObject({ value: 0.1, n: 10 })
    expect(point.metrics['cost.per_interaction_usd']?.value).toBeCloseTo(0.002, 9)
    expect(point.metrics['latency.p95_ms']?.n).toBe(9)
  })
})

describe('evaluateAlerts', () => {
  it('puts breached thresholds first and keeps the settings order otherwise', () => {
    const alerts = alertsFor([
      { metric: 'error.rate', direction: 'max', value: 0.5 },
      { metric: 'format.json', direction: 'min', value: 0.95 },
      { metric: 'latency.p95_ms', direction: 'max', value: 8000 },
    ])
    expect(alerts.map((a) => [a.metric, a.label, a.breached])).toEqual([
      ['format.json', 'JSON', true],
      ['latency.p95_ms', 'latency.p95_ms', true],
      ['error.rate', 'error.rate', false],
    ])
  })

  it('lists the failing results of a score metric, never the unscored ones', () => {
    const [alert] = alertsFor([{ metric: 'format.json', direction: 'min', value: 0.95 }])
    expect(alert?.cases.map((c) => [c.externalId, c.value, c.reason])).toEqual([
      ['call-case-0', 0, 'not JSON'],
      ['call-case-1', 0, 'not JSON'],
    ])
    expect(alert?.cases[0]).toMatchObject({ caseId: 'case-0', input: 'subject: case-0', output: '{' })
  })

  it('lists the slow calls slowest first and the failed calls with their error', () => {
    const [latency, errors] = alertsFor([
      { metric: 'latency.p95_ms', direction: 'max', value: 8000 },
      { metric: 'error.rate', direction: 'max', value: 0 },
    ])
    expect(latency?.cases.map((c) => c.value)).toEqual([15000, 9000])
    expect(latency?.cases[0]?.reason).toBe('Took 15,000 ms; the threshold is at most 8,000 ms')
    expect(errors?.breached).toBe(true)
    expect(errors?.cases.map((c) => [c.caseId, c.reason])).toEqual([['case-9', 'HTTP 500 from the provider']])
  })

  it('never breaches a metric without a value', () => {
    const [alert] = alertsFor([{ metric: 'judge.unknown', direction: 'min', value: 0.5 }])
    expect(alert).toMatchObject({ value: null, breached: false, cases: [] })
  })
})
