import type { EChartsOption } from 'echarts'

/** Points in a series above which ECharts' large mode and progressive drawing pay for themselves. */
export const LARGE_SERIES_POINTS = 2000

type SeriesLike = Record<string, unknown> & { type?: unknown; data?: unknown }

function pointCount(series: SeriesLike): number {
  return Array.isArray(series.data) ? series.data.length : 0
}

/**
 * Data reduction by ECharts itself, added to any series big enough to need it (flags a builder set stay):
 * - line: `sampling: 'lttb'` keeps about one point per pixel of the axis, preserving peaks and shape
 *   (ECharts samples only when the points outnumber the pixels, so a short line is drawn as given);
 * - scatter and bar: `large` draws all points as one path instead of one element each, and `progressive`
 *   spreads the drawing over frames so one chart never holds the main thread for long.
 * Small series are returned untouched: large mode drops per-point styles and hover, which they keep.
 */
export function reduceSeries(series: SeriesLike): SeriesLike {
  const points = pointCount(series)
  if (points <= LARGE_SERIES_POINTS) return series
  if (series.type === 'line') return { sampling: 'lttb', ...series }
  if (series.type === 'scatter' || series.type === 'bar')
    return {
      large: true,
      largeThreshold: LARGE_SERIES_POINTS,
      progressive: 4000,
      progressiveThreshold: LARGE_SERIES_POINTS * 2,
      ...series,
    }
  return series
}

/** The option with `reduceSeries` applied to each of its series; the same object when nothing changes. */
export function withDataReduction(option: EChartsOption): EChartsOption {
  const { series } = option
  if (!series) return option
  if (!Array.isArray(series)) {
    const one = reduceSeries(series as SeriesLike)
    return one === series ? option : { ...option, series: one as EChartsOption['series'] }
  }
  const reduced = (series as SeriesLike[]).map(reduceSeries)
  return reduced.every((s, i) => s === series[i])
    ? option
    : { ...option, series: reduced as EChartsOption['series'] }
}

/**
 * ECharts' default entry animation lasts a second per chart; on a screen of seven charts it keeps the main
 * thread redrawing every canvas, and a chart counts as drawn ('finished') only once it ends. People compare
 * figures here, not watch them grow: charts appear drawn. A builder that asks for animation keeps it.
 */
export function withoutEntryAnimation(option: EChartsOption): EChartsOption {
  return option.animation === undefined && option.animationDuration === undefined
    ? { ...option, animation: false }
    : option
}
