import type * as EChartsCoreModule from './echarts-core'

type EChartsCore = typeof EChartsCoreModule

let loading: Promise<EChartsCore> | null = null

/** The ECharts module, imported the first time a chart is drawn (one chunk, shared by every chart). */
export function loadEcharts(): Promise<EChartsCore> {
  loading ??= import('./echarts-core').catch((error: unknown) => {
    // A failed chunk load is not cached: the next chart tries again (e.g. after the host restarted).
    loading = null
    throw error
  })
  return loading
}
