import type { CustomSeriesOption, CustomSeriesRenderItem } from 'echarts'

/** Bars of one category share 80% of its width with no gap, so each error bar can find its bar's centre. */
export const groupedBarLayout = { barGap: '0%', barCategoryGap: '20%' } as const

/** [category index, low, high] of one confidence interval. */
export type ErrorBarDatum = [number, number, number]

/**
 * A custom series drawing a whisker (vertical line with caps) over bar `index` of `count` grouped bars:
 * ECharts has no error bars, and a custom series keeps the exact low/high in the data for tooltips.
 */
export function errorBarSeries(
  name: string,
  index: number,
  count: number,
  data: ErrorBarDatum[],
): CustomSeriesOption {
  return {
    type: 'custom',
    name,
    data,
    z: 10,
    encode: { x: 0, y: [1, 2] },
    tooltip: { show: false },
    renderItem: whiskerRenderer(index, count),
  }
}

function whiskerRenderer(index: number, count: number): CustomSeriesRenderItem {
  return (_params, api) => {
    const category = Number(api.value(0))
    const low = api.coord([category, api.value(1)])
    const high = api.coord([category, api.value(2)])
    const size = api.size ? api.size([1, 0]) : [0, 0]
    const band = Array.isArray(size) ? (size[0] ?? 0) : size
    const barWidth = (band * 0.8) / count
    const x = (low[0] ?? 0) - band * 0.4 + barWidth * (index + 0.5)
    const cap = Math.max(2, barWidth * 0.25)
    const style = { stroke: '#333', lineWidth: 1.5 }
    const line = (x1: number, y1: number, x2: number, y2: number) => ({
      type: 'line' as const,
      shape: { x1, y1, x2, y2 },
      style,
    })
    const yLow = low[1] ?? 0
    const yHigh = high[1] ?? 0
    return {
      type: 'group',
      children: [
        line(x, yLow, x, yHigh),
        line(x - cap, yLow, x + cap, yLow),
        line(x - cap, yHigh, x + cap, yHigh),
      ],
    }
  }
}
