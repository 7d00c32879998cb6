import type { EChartsOption } from 'echarts'
import { describe, expect, it } from 'vitest'
import {
  LARGE_SERIES_POINTS,
  withDataReduction,
  withoutEntryAnimation,
} from '../../../../renderer/src/lib/echarts/reduce'

const points = (n: number) => Array.from({ length: n }, (_, i) => [i, Math.sin(i)])

function seriesOf(option: EChartsOption): Record<string, unknown>[] {
  return option.series as Record<string, unknown>[]
}

describe('withDataReduction', () => {
  it('asks ECharts for LTTB sampling on a long line and large progressive drawing on big scatter and bar series', () => {
    const big = points(LARGE_SERIES_POINTS + 1)
    const option = withDataReduction({
      series: [
        { type: 'line', data: big },
        { type: 'scatter', data: big },
        { type: 'bar', data: big },
      ],
    })
    const [line, scatter, bar] = seriesOf(option)
    expect(line).toMatchObject({ sampling: 'lttb', data: big })
    for (const s of [scatter, bar])
      expect(s).toMatchObject({ large: true, largeThreshold: LARGE_SERIES_POINTS, progressive: 4000 })
  })

  it('leaves small series and the option itself untouched (they keep per-point styles and hover)', () => {
    const option: EChartsOption = {
      series: [
        { type: 'line', data: points(30) },
        { type: 'scatter', data: points(LARGE_SERIES_POINTS) },
        { type: 'line', data: [] },
      ],
    }
    expect(withDataReduction(option)).toBe(option)
  })

  it("keeps a builder's own choice", () => {
    const option = withDataReduction({
      series: [{ type: 'line', sampling: 'average', data: points(LARGE_SERIES_POINTS * 2) }],
    })
    expect(seriesOf(option)[0]).toMatchObject({ sampling: 'average' })
  })

  it('reduces a single series given as an object, and leaves custom series to their builder', () => {
    const single = withDataReduction({ series: { type: 'scatter', data: points(LARGE_SERIES_POINTS + 1) } })
    expect(single.series).toMatchObject({ large: true })
    const custom: EChartsOption = { series: [{ type: 'custom', data: points(LARGE_SERIES_POINTS + 1) }] }
    expect(withDataReduction(custom)).toBe(custom)
  })
})

describe('withoutEntryAnimation', () => {
  it('draws without the entry animation unless the builder asked for one', () => {
    expect(withoutEntryAnimation({}).animation).toBe(false)
    expect(withoutEntryAnimation({ animation: true }).animation).toBe(true)
    expect(withoutEntryAnimation({ animationDuration: 50 })).toEqual({ animationDuration: 50 })
  })
})
