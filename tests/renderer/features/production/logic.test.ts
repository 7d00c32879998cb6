import type { LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import { alertSentence } from '../../../../renderer/src/features/production/alert-text'
import { latestImportId, lengthSentence } from '../../../../renderer/src/features/production/drift-text'
import { timelineMetrics, timelineOption } from '../../../../renderer/src/features/production/timeline-chart'
import {
  formatMetricValue,
  parseRatePercent,
  parseThresholdValue,
  thresholdMetrics,
  withDefaults,
} from '../../../../renderer/src/stores/production/units'
import { drift, formatAlert, point, productionImport } from './fixtures'

describe('production units', () => {
  it('reads the sample rate as a percent and stores a share', () => {
    expect(parseRatePercent('50')).toEqual({ rate: 0.5 })
    expect(parseRatePercent('0.5')).toEqual({ rate: 0.005 })
    expect(parseRatePercent('0')).toHaveProperty('error')
    expect(parseRatePercent('120')).toHaveProperty('error')
    expect(parseRatePercent('')).toHaveProperty('error')
  })

  it('keeps threshold values on the metric’s own unit', () => {
    expect(parseThresholdValue('format.json_schema', '0.99')).toEqual({ value: 0.99 })
    expect(parseThresholdValue('format.json_schema', '99')).toHaveProperty('error')
    expect(parseThresholdValue('latency.p95_ms', '8000')).toEqual({ value: 8000 })
    expect(formatMetricValue('format.json_schema', 0.938)).toBe('93.8 %')
    expect(formatMetricValue('format.json_schema', 0.99)).toBe('99 %')
    expect(formatMetricValue('latency.p95_ms', 2400.4)).toBe('2400 ms')
    expect(formatMetricValue('cost.per_interaction_usd', 0.0021)).toBe('$0.00210')
  })

  it('offers suite metrics then the operational ones, and defaults only pass/fail metrics', () => {
    const labels = { 'format.json_schema': 'Format', 'judge.x': 'Judge', 'latency.p95_ms': 'P95' }
    expect(thresholdMetrics(labels).map((m) => m.metric)).toEqual([
      'format.json_schema',
      'judge.x',
      'latency.p95_ms',
      'cost.per_interaction_usd',
      'error.rate',
    ])
    const existing = [{ metric: 'format.json_schema', direction: 'min' as const, value: 0.99 }]
    expect(withDefaults(existing, ['format.json_schema', 'rule.category', 'judge.x'])).toEqual([
      ...existing,
      { metric: 'rule.category', direction: 'min', value: 0.95 },
    ])
  })
})

describe('production texts', () => {
  it('says what broke, by how much and where', () => {
    expect(alertSentence(formatAlert(), [productionImport()])).toBe(
      'Format check 93.8 % < 99 % on production-triage.jsonl (whole import, 200 calls)',
    )
    const day = { ...formatAlert(), scope: 'day' as const, period: 'Nov 21', n: 24 }
    expect(alertSentence(day, [productionImport()])).toBe(
      'Format check 93.8 % < 99 % on Nov 21 of production-triage.jsonl (one day, 24 calls)',
    )
  })

  it('picks the newest import and words the length test', () => {
    const older = productionImport({ id: 'a', importedAt: '2026-01-01T00:00:00.000Z' })
    const newer = productionImport({ id: 'b', importedAt: '2026-02-01T00:00:00.000Z' })
    expect(latestImportId([older, newer])).toBe('b')
    expect(latestImportId([])).toBeNull()
    expect(lengthSentence(drift().length)).toBe(
      'Median input length 412 chars in production vs 236 in the dataset (KS 0.41, p < 0.001): production inputs are longer.',
    )
  })
})

describe('the timeline chart', () => {
  it('draws the value, its CI band stacked on the low bound, and the threshold line', () => {
    const option = timelineOption([point(0.938), point(null)], 'format.json_schema', 'Format check', [
      { metric: 'format.json_schema', direction: 'min', value: 0.99 },
      { metric: 'latency.p95_ms', direction: 'max', value: 8000 },
    ])
    const series = option.series as LineSeriesOption[]
    expect(series.map((s) => s.name)).toEqual(['95% CI low', '95% CI', 'Format check'])
    expect(series[0]!.data).toEqual([0.9, null])
    expect((series[1]!.data as number[])[0]).toBeCloseTo(0.06)
    expect(series[2]!.data).toEqual([0.938, null])
    expect(series[2]!.markLine?.data).toHaveLength(1)
    expect(option.yAxis).toMatchObject({ min: 0, max: 1 })
    const latency = timelineOption([point(0.9)], 'latency.p95_ms', 'P95', [])
    expect(latency.yAxis).not.toHaveProperty('max')
  })

  it('lists the metrics with values, labelled ones first', () => {
    const labels = { 'latency.p95_ms': 'P95 latency', 'format.json_schema': 'Format check' }
    expect(timelineMetrics([point(0.9)], labels)).toEqual([
      { metric: 'latency.p95_ms', label: 'P95 latency' },
      { metric: 'format.json_schema', label: 'Format check' },
    ])
  })
})
