import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import {
  costBySegmentOption,
  costBySegmentRows,
  costOption,
  costRows,
} from '../../../../renderer/src/features/compare/charts/cost'
import { toCsv } from '../../../../renderer/src/features/compare/charts/csv'
import { neutraliseFormula } from '../../../../shared/lib/spreadsheet-cell'
import {
  escapeHtml,
  shortLabels,
  tagPrefixesOf,
} from '../../../../renderer/src/features/compare/charts/format'
import { latencyHistogram, latencyOption } from '../../../../renderer/src/features/compare/charts/latency'
import { paretoFront, paretoOption } from '../../../../renderer/src/features/compare/charts/pareto'
import {
  qualityBySegmentOption,
  qualityOption,
  qualityRows,
} from '../../../../renderer/src/features/compare/charts/quality'
import { trendOption } from '../../../../renderer/src/features/compare/charts/trend'
import { binned, metric, series } from './fixtures'

type AnySeries = BarSeriesOption | CustomSeriesOption | LineSeriesOption

function seriesList(option: { series?: unknown }): AnySeries[] {
  return Array.isArray(option.series) ? (option.series as AnySeries[]) : []
}

function axisData(axis: unknown): unknown[] {
  const first: unknown = Array.isArray(axis) ? axis[0] : axis
  return (first as { data?: unknown[] }).data ?? []
}

const a = series('v4 · march')
const b = series('v5 · september', {
  metrics: [metric('accuracy', 0.9, 145, [0.84, 0.94])],
  costPerInteractionUsd: 0.0005,
  latencyP50Ms: 300,
  latencyP95Ms: 700,
  latencyHistogram: binned([200, 300, 700]),
})

describe('qualityOption', () => {
  it('draws a bar per series per metric and a CI whisker series per series', () => {
    const option = qualityOption([a, b])
    expect(axisData(option.xAxis)).toEqual(['accuracy', 'format.json'])
    const list = seriesList(option)
    expect(list.filter((s) => s.type === 'bar')).toHaveLength(2)
    const whiskers = list.filter((s) => s.type === 'custom')
    expect(whiskers).toHaveLength(2)
    expect(whiskers[0]?.data).toEqual([
      [0, 0.72, 0.86],
      [1, 0.9, 0.98],
    ])
    // b has no format.json score: no bar value and no whisker for it.
    expect(whiskers[1]?.data).toEqual([[0, 0.84, 0.94]])
    // Bars are named by the short label (version · model); the tooltip names the series in full.
    const barB = list.find((s) => s.name === 'v4 · model-v5 · september')
    expect(barB?.data).toEqual([
      { value: 0.9, n: 145, low: 0.84, high: 0.94 },
      { value: null, n: 0, low: null, high: null },
    ])
  })

  it('puts the exact value, interval and n in the tooltip, escaping names', () => {
    const evil = series('<b>x</b>')
    const bar = seriesList(qualityOption([evil]))[0] as BarSeriesOption
    const formatter = (bar.tooltip as { formatter: (p: unknown) => string }).formatter
    const text = formatter({ dataIndex: 0 })
    expect(text).toContain('0.800')
    expect(text).toContain('0.720–0.860')
    expect(text).toContain('n = 145')
    expect(text).not.toContain('<b>')
  })

  it('breaks a metric down by the segments of a prefix', () => {
    const option = qualityBySegmentOption([a, b], 'accuracy', 'tier')
    expect(axisData(option.xAxis)).toEqual(['tier:enterprise', 'tier:free'])
    const custom = seriesList(option).filter((s) => s.type === 'custom')
    expect(custom[0]?.data).toEqual([
      [0, 0.56, 0.81],
      [1, 0.77, 0.91],
    ])
  })

  it('exports one CSV row per series and metric', () => {
    expect(qualityRows([a, b])).toHaveLength(5)
  })
})

describe('cost options', () => {
  it('shows cost per interaction and total per series on two axes', () => {
    const option = costOption([a, b])
    expect(axisData(option.xAxis)).toEqual(['v4 · model-v4 · march', 'v4 · model-v5 · september'])
    const [perCall, total] = seriesList(option)
    expect(perCall?.data).toEqual([0.001, 0.0005])
    expect(total?.data).toEqual([0.145, 0.145])
    expect((total as BarSeriesOption).yAxisIndex).toBe(1)
    expect(costRows([a])[1]).toEqual([a.label, 145, 0.001, 0.145])
  })

  it('breaks cost per interaction down by segment, null where not measured', () => {
    const option = costBySegmentOption([a], 'tier')
    expect(axisData(option.xAxis)).toEqual(['tier:enterprise', 'tier:free'])
    expect(seriesList(option)[0]?.data).toEqual([0.002, null])
  })
})

describe('latencyOption', () => {
  it('draws the bins the core counted, shared by every series', () => {
    const h = latencyHistogram([a, b])
    expect(h.counts.map((row) => row.reduce((x, y) => x + y, 0))).toEqual([6, 3])
    expect(h.binMs).toBe(50)
    expect(h.edges).toHaveLength(21)
    expect(h.edges.slice(0, 3)).toEqual([0, 50, 100])
    expect(h.counts[1]?.[4]).toBe(1) // b's 200 ms call
    expect(h.counts[0]?.[20]).toBe(1) // a's slowest call, 1,000 ms, in the last bin
  })

  it('pads a series with fewer bins and draws one empty bin when nothing was timed', () => {
    const short = series('short', { latencyHistogram: { binMs: 50, counts: [2] } })
    expect(latencyHistogram([a, short]).counts[1]).toEqual([2, ...new Array<number>(20).fill(0)])
    const none = series('none', { latencyHistogram: { binMs: 1, counts: [0] } })
    expect(latencyHistogram([none])).toEqual({ edges: [0], binMs: 1, counts: [[0]] })
  })

  it('marks P50 and P95 per series and the SLO', () => {
    const option = latencyOption([a, b], 800)
    const list = seriesList(option) as LineSeriesOption[]
    expect(list).toHaveLength(3)
    expect(list[0]?.markLine?.data).toEqual([
      expect.objectContaining({ name: 'P50', xAxis: 400 }),
      expect.objectContaining({ name: 'P95', xAxis: 900 }),
    ])
    expect(list[2]?.name).toBe('SLO')
    expect(list[2]?.markLine?.data).toEqual([expect.objectContaining({ name: 'SLO', xAxis: 800 })])
  })

  it('draws no SLO line when none is set', () => {
    expect(seriesList(latencyOption([a], null)).map((s) => s.name)).toEqual([a.label])
  })
})

describe('paretoFront', () => {
  it('keeps only the non-dominated points, cheapest first', () => {
    const front = paretoFront([
      { label: 'cheap-bad', cost: 1, quality: 0.5 },
      { label: 'dear-good', cost: 3, quality: 0.9 },
      { label: 'dominated', cost: 2, quality: 0.4 },
      { label: 'middle', cost: 2, quality: 0.7 },
    ])
    expect(front.map((p) => p.label)).toEqual(['cheap-bad', 'middle', 'dear-good'])
  })

  it('keeps identical points together and drops a same-cost worse point', () => {
    const front = paretoFront([
      { label: 'a', cost: 1, quality: 0.8 },
      { label: 'b', cost: 1, quality: 0.8 },
      { label: 'c', cost: 1, quality: 0.6 },
      { label: 'd', cost: 2, quality: 0.8 },
    ])
    expect(front.map((p) => p.label)).toEqual(['a', 'b'])
  })

  it('builds a scatter per series and the front line', () => {
    const option = paretoOption([a, b], 'accuracy')
    const list = seriesList(option)
    expect(list.filter((s) => (s.type as string) === 'scatter')).toHaveLength(2)
    const front = list.find((s) => s.name === 'Pareto front')
    // b is cheaper and better: it alone is on the front.
    expect(front?.data).toEqual([[0.0005, 0.9]])
  })
})

describe('trendOption', () => {
  it('draws a line per model over the versions, the newest run of a version winning', () => {
    const point = (versionNumber: number, modelId: string, value: number, createdAt: string) => ({
      versionNumber,
      runId: `r-${versionNumber}`,
      runName: 'r',
      provider: 'local-llm',
      modelId,
      createdAt,
      metrics: [metric('accuracy', value)],
      costPerInteractionUsd: 0.001,
      latencyP95Ms: 900,
    })
    const option = trendOption(
      {
        promptId: 'p',
        points: [
          point(5, 'm1', 0.9, '2026-02-01'),
          point(4, 'm1', 0.6, '2026-01-01'),
          point(4, 'm1', 0.7, '2026-01-02'),
          point(4, 'm2', 0.5, '2026-01-01'),
        ],
      },
      'accuracy',
    )
    expect(axisData(option.xAxis)).toEqual(['v4', 'v5'])
    const list = seriesList(option)
    expect(list.map((s) => s.name)).toEqual(['local-llm/m1', 'local-llm/m2'])
    expect(list[0]?.data).toEqual([0.7, 0.9])
    expect(list[1]?.data).toEqual([0.5, null])
  })
})

describe('csv and helpers', () => {
  it.each([
    '=HYPERLINK("http://x","y")',
    '+1',
    '-2',
    '@SUM(A1)',
    '\t=1',
    '\uFF1D1',
    '\uFF20x',
    "'=already",
    "'plain",
    'plain',
  ])('neutralises %j exactly as the dataset export does (one shared function)', (label) => {
    const cell = neutraliseFormula(label)
    const quoted = /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
    expect(toCsv([[label]])).toBe(`${quoted}\r\n`)
  })

  it('quotes commas, quotes and line breaks and defuses formulas', () => {
    expect(
      toCsv([
        ['a,b', 'say "hi"', 1.5, null],
        ['=SUM(A1)', 'x\ny', -2, 'plain'],
      ]),
    ).toBe('"a,b","say ""hi""",1.5,\r\n\'=SUM(A1),"x\ny",-2,plain\r\n')
  })

  it('escapes html and lists tag prefixes', () => {
    expect(escapeHtml('<img src=x>')).toBe('&#60;img src=x&#62;')
    expect(tagPrefixesOf([a])).toEqual(['lang', 'tier'])
  })
})

describe('a dataset without tags and two models of one provider', () => {
  // Not the demo's shape: no case tags at all, and labels that share a long prompt name and run name.
  const untagged = (modelId: string, cost: number | null) =>
    series(`Support reply drafter v2 · acme-gw/${modelId} (run nightly regression 2026-12-04)`, {
      provider: 'acme-gw',
      modelId,
      promptName: 'Support reply drafter',
      versionNumber: 2,
      runName: 'nightly regression 2026-12-04',
      byTag: [],
      costByTag: [],
      costPerInteractionUsd: cost,
    })
  const large = untagged('llama-3.1-70b-instruct-q4', 0.002)
  const small = untagged('llama-3.1-8b-instruct-q4', null)

  it('charts one "all cases" segment with the whole run figures', () => {
    expect(tagPrefixesOf([large, small])).toEqual([])
    const quality = qualityBySegmentOption([large, small], 'accuracy', '')
    expect(axisData(quality.xAxis)).toEqual(['all cases'])
    const bars = seriesList(quality).filter((s) => s.type === 'bar')
    expect(bars.map((s) => (s.data as { value: number | null }[])[0]?.value)).toEqual([0.8, 0.8])
    const cost = costBySegmentOption([large, small], '')
    expect(axisData(cost.xAxis)).toEqual(['all cases'])
    expect(seriesList(cost).map((s) => s.data)).toEqual([[0.002], [null]])
    expect(costBySegmentRows([large, small], '')[1]).toEqual([large.label, 'all cases', 145, 0.002, 0.145])
  })

  it('labels the series short and distinct, the full name in the tooltip', () => {
    const labels = shortLabels([large, small])
    expect(labels).toEqual(['v2 · llama-3.1-70b-instruct-q4', 'v2 · llama-3.1-8b-instruct-q4'])
    expect(axisData(costOption([large, small]).xAxis)).toEqual(labels)
    const tooltip = costOption([large, small]).tooltip as { formatter: (p: unknown) => string }
    const text = tooltip.formatter([
      { dataIndex: 1, seriesName: 'Cost per interaction', value: null },
      { dataIndex: 1, seriesName: 'Total cost', value: null },
    ])
    expect(text).toContain(escapeHtml(small.label))
    expect(text).toContain('Cost per interaction: unknown')
    const quality = qualityOption([large, small])
    expect(
      seriesList(quality)
        .filter((s) => s.type === 'bar')
        .map((s) => s.name),
    ).toEqual(labels)
  })

  it('adds the provider, then the run, only where labels would read the same', () => {
    const viaProxy = { ...large, provider: 'byo-proxy', label: 'other' }
    expect(shortLabels([large, viaProxy])).toEqual([
      'v2 · acme-gw/llama-3.1-70b-instruct-q4',
      'v2 · byo-proxy/llama-3.1-70b-instruct-q4',
    ])
    const rerun = { ...large, runName: 'rerun', label: 'again' }
    expect(new Set(shortLabels([large, rerun])).size).toBe(2)
  })
})
