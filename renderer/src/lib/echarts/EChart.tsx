import * as echarts from 'echarts'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'

export interface EChartHandle {
  /** The chart as a PNG data URL at twice the screen resolution, or null before it has rendered. */
  toPng: () => string | null
}

interface Props {
  option: echarts.EChartsOption
  testId: string
  height?: number
}

/**
 * One ECharts instance per container: created on mount, disposed on unmount, resized with the
 * container. `data-rendered="true"` is set after ECharts' 'finished' event, which is what e2e waits on.
 */
export const EChart = forwardRef<EChartHandle, Props>(function EChart({ option, testId, height = 320 }, ref) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }))

  useEffect(() => {
    const element = container.current
    if (!element) return
    const instance = echarts.init(element, undefined, { renderer: 'canvas' })
    chart.current = instance
    instance.on('finished', () => element.setAttribute('data-rendered', 'true'))
    const observer = new ResizeObserver(() => instance.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      instance.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    // notMerge: a removed series must disappear, not linger from the last option.
    chart.current?.setOption(option, { notMerge: true })
  }, [option])

  return (
    <div ref={container} className="echart" data-testid={testId} data-rendered="false" style={{ height }} />
  )
})
