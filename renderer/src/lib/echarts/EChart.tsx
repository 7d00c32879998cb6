import type { EChartsOption, EChartsType } from 'echarts'
import { forwardRef, useEffect, useImperativeHandle, useRef, useState, type RefObject } from 'react'
import { loadEcharts } from './load-echarts'
import { withDataReduction, withoutEntryAnimation } from './reduce'
import { chartQueue } from './render-queue'
import { useSeenInView } from './use-in-view'
import { appMode, restartAdvice, type AppMode } from '../../api/app-mode'

export interface EChartHandle {
  /** The chart as a PNG data URL at twice the screen resolution, or null before it has rendered. */
  toPng: () => string | null
}

interface Props {
  option: EChartsOption
  testId: string
  height?: number
  /** Told false when a new option waits to be drawn, true once ECharts has finished drawing it. */
  onRendered?: (rendered: boolean) => void
}

/** Resizes the chart with its container, and only when the size really changed: resize() re-lays out, no setOption. */
function useResizeWithContainer(
  container: RefObject<HTMLDivElement | null>,
  chart: RefObject<EChartsType | null>,
) {
  useEffect(() => {
    const element = container.current
    if (!element || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => {
      const instance = chart.current
      if (!instance || instance.isDisposed()) return
      if (instance.getWidth() === element.clientWidth && instance.getHeight() === element.clientHeight) return
      instance.resize()
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [container, chart])
}

/**
 * Draws `option` (null: not yet, the chart is out of view) through the shared render queue: ECharts is loaded
 * and the instance created by the first draw. A newer option or an unmount drops a draw still waiting.
 */
function useQueuedDraw(
  container: RefObject<HTMLDivElement | null>,
  chart: RefObject<EChartsType | null>,
  option: EChartsOption | null,
  setFailure: (message: string) => void,
  onRendered: ((rendered: boolean) => void) | undefined,
) {
  const notify = useRef(onRendered)
  useEffect(() => {
    notify.current = onRendered
  })
  useEffect(() => {
    const element = container.current
    if (!option || !element) return
    const mark = (rendered: boolean) => {
      element.setAttribute('data-rendered', String(rendered))
      notify.current?.(rendered)
    }
    mark(false)
    let cancelled = false
    const cancel = chartQueue.enqueue(async () => {
      const { init } = await loadEcharts().catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error))
        throw error
      })
      if (cancelled) return
      const instance = chart.current ?? init(element, undefined, { renderer: 'canvas' })
      chart.current = instance
      instance.off('finished')
      instance.on('finished', () => mark(true))
      // notMerge: a removed series must disappear, not linger from the last option.
      instance.setOption(withoutEntryAnimation(withDataReduction(option)), { notMerge: true })
    })
    return () => {
      cancelled = true
      cancel()
    }
  }, [container, chart, option, setFailure])
}

/** The charts' code is loaded with the first chart: a failed load is retried by opening the screen anew. */
function chartRetryStep(mode: AppMode): string {
  return mode === 'desktop'
    ? 'Open this screen again; if the chart still does not load, quit Eval Lab and open it again.'
    : `Reload the page; if the chart still does not load, ${restartAdvice(mode)}.`
}

/**
 * One ECharts instance per container, drawn when it first scrolls into view and through the app's render queue
 * (one chart at a time, the browser gets a frame between two), disposed on unmount. ECharts itself is loaded
 * with the first chart. `data-rendered="true"` is set after ECharts' 'finished' event for the current option,
 * which is what e2e waits on; a new option sets it back to "false" until that one is drawn.
 */
export const EChart = forwardRef<EChartHandle, Props>(function EChart(
  { option, testId, height = 320, onRendered },
  ref,
) {
  const container = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  const inView = useSeenInView(container)
  const [failure, setFailure] = useState<string | null>(null)

  useImperativeHandle(ref, () => ({
    toPng: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
  }))

  useResizeWithContainer(container, chart)
  useEffect(
    () => () => {
      chart.current?.dispose()
      chart.current = null
    },
    [],
  )

  useQueuedDraw(container, chart, inView ? option : null, setFailure, onRendered)

  return (
    <>
      <div ref={container} className="echart" data-testid={testId} data-rendered="false" style={{ height }} />
      {failure ? (
        <p role="alert">
          The chart could not load: {failure}. {chartRetryStep(appMode())}
        </p>
      ) : null}
    </>
  )
})
