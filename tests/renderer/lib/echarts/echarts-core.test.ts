import type { EChartsOption } from 'echarts'
import { use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { costBySegmentOption, costOption } from '../../../../renderer/src/features/compare/charts/cost'
import { latencyOption } from '../../../../renderer/src/features/compare/charts/latency'
import { paretoOption } from '../../../../renderer/src/features/compare/charts/pareto'
import {
  qualityBySegmentOption,
  qualityOption,
} from '../../../../renderer/src/features/compare/charts/quality'
import { trendOption } from '../../../../renderer/src/features/compare/charts/trend'
import { timelineOption } from '../../../../renderer/src/features/production/timeline-chart'
import { init } from '../../../../renderer/src/lib/echarts/echarts-core'
import { binned, metric, series } from '../../features/compare/fixtures'
import { point } from '../../features/production/fixtures'

// Server-side rendering to an SVG string needs no canvas, so the app's ECharts build can draw here.
use([SVGRenderer])

const a = series('v4 · march', { tags: ['segment:pro'] } as never)
const b = series('v5 · september', {
  metrics: [metric('accuracy', 0.9, 145, [0.84, 0.94])],
  costPerInteractionUsd: 0.0005,
  latencyP50Ms: 300,
  latencyP95Ms: 700,
  latencyHistogram: binned([200, 300, 700]),
})
const trend = {
  promptId: 'p',
  points: [4, 5].map((versionNumber) => ({
    versionNumber,
    runId: `r-${versionNumber}`,
    runName: 'r',
    provider: 'local-llm',
    modelId: 'm1',
    createdAt: '2026-01-01',
    metrics: [metric('accuracy', 0.8)],
    costPerInteractionUsd: 0.001,
    latencyP95Ms: 900,
  })),
}

// Each with a text only a working part of it draws (a mark line's label, a legend entry, an axis name).
const options: [string, EChartsOption, string][] = [
  ['quality', qualityOption([a, b]), 'v5 · september'],
  ['quality per segment', qualityBySegmentOption([a, b], 'accuracy', 'segment'), 'v5 · september'],
  ['cost', costOption([a, b]), 'v5 · september'],
  ['cost per segment', costBySegmentOption([a, b], 'segment'), 'v5 · september'],
  ['latency', latencyOption([a, b], 800), 'SLO P95'],
  ['pareto', paretoOption([a, b], 'accuracy'), 'USD / interaction'],
  ['trend', trendOption(trend, 'accuracy'), 'local-llm/m1'],
  [
    'production timeline',
    timelineOption([point(0.9), point(0.95)], 'format.json_schema', 'Format', [
      { metric: 'format.json_schema', direction: 'min', value: 0.99 },
    ]),
    'Format',
  ],
]

afterEach(() => vi.restoreAllMocks())

describe("the app's ECharts build (echarts-core.ts)", () => {
  it.each(options)('has every series type and component the %s chart uses', (_name, option, text) => {
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const chart = init(null, undefined, { renderer: 'svg', ssr: true, width: 600, height: 320 })
    chart.setOption(option)
    const svg = chart.renderToSVGString()
    chart.dispose()
    expect([...logs.mock.calls, ...warnings.mock.calls, ...errors.mock.calls].flat().join('\n')).toBe('')
    expect(svg).toContain(text)
  })
})
