import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import type { EChartsOption } from 'echarts'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ChartCard } from '../../../../renderer/src/features/compare/ChartCard'
import { EChart } from '../../../../renderer/src/lib/echarts/EChart'

/** A stand-in for an ECharts instance: records what the component asks of it. */
interface FakeChart {
  element: HTMLElement
  calls: string[]
  width: number
  height: number
}

const charts: FakeChart[] = []

vi.mock('../../../../renderer/src/lib/echarts/load-echarts', () => ({
  loadEcharts: () =>
    Promise.resolve({
      init: (element: HTMLElement) => {
        const chart: FakeChart = { element, calls: [], width: 600, height: 320 }
        charts.push(chart)
        const handlers: (() => void)[] = []
        return {
          setOption: (option: EChartsOption) => {
            chart.calls.push(`setOption ${option.title as unknown as string}`)
            handlers.forEach((h) => h())
          },
          on: (_event: string, handler: () => void) => handlers.push(handler),
          off: () => handlers.splice(0),
          resize: () => chart.calls.push('resize'),
          getWidth: () => chart.width,
          getHeight: () => chart.height,
          isDisposed: () => false,
          dispose: () => chart.calls.push('dispose'),
          getDataURL: () => 'data:image/png;base64,',
        }
      },
    }),
}))

/** IntersectionObserver and ResizeObserver that fire when the test says so. */
const observed = {
  intersection: new Map<Element, IntersectionObserverCallback>(),
  resize: [] as (() => void)[],
}

class FakeIntersectionObserver {
  constructor(private readonly callback: IntersectionObserverCallback) {}
  observe(element: Element) {
    observed.intersection.set(element, this.callback)
  }
  disconnect() {}
}

class FakeResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    observed.resize.push(this.callback)
  }
  disconnect() {}
}

function scrollIntoView(testId: string) {
  const element = screen.getByTestId(testId)
  const callback = observed.intersection.get(element)
  act(() =>
    callback?.(
      [{ isIntersecting: true, target: element } as unknown as IntersectionObserverEntry],
      {} as never,
    ),
  )
}

const chartOf = (testId: string) => charts.find((c) => c.element === screen.getByTestId(testId))

beforeEach(() => {
  charts.splice(0)
  observed.intersection.clear()
  observed.resize.splice(0)
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver)
  vi.stubGlobal('ResizeObserver', FakeResizeObserver)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const option = (title: string): EChartsOption => ({ title: title as never, series: [] })

describe('EChart', () => {
  it('draws a chart only once it is scrolled into view, and marks it rendered', async () => {
    render(
      <>
        <EChart option={option('a')} testId="chart-a" />
        <EChart option={option('b')} testId="chart-b" />
      </>,
    )
    scrollIntoView('chart-a')
    await waitFor(() => expect(screen.getByTestId('chart-a').dataset.rendered).toBe('true'))
    expect(chartOf('chart-a')?.calls).toEqual(['setOption a'])
    expect(chartOf('chart-b')).toBeUndefined()
    expect(screen.getByTestId('chart-b').dataset.rendered).toBe('false')

    scrollIntoView('chart-b')
    await waitFor(() => expect(chartOf('chart-b')?.calls).toEqual(['setOption b']))
  })

  it('draws charts in view one after another, in order', async () => {
    render(
      <>
        <EChart option={option('a')} testId="chart-a" />
        <EChart option={option('b')} testId="chart-b" />
        <EChart option={option('c')} testId="chart-c" />
      </>,
    )
    for (const id of ['chart-a', 'chart-b', 'chart-c']) scrollIntoView(id)
    await waitFor(() => expect(charts).toHaveLength(3))
    expect(charts.map((c) => c.element.dataset.testid)).toEqual(['chart-a', 'chart-b', 'chart-c'])
  })

  it('resizes without a second setOption, only when the size changed, and disposes on unmount', async () => {
    const { unmount } = render(<EChart option={option('a')} testId="chart-a" />)
    scrollIntoView('chart-a')
    await waitFor(() => expect(chartOf('chart-a')?.calls).toEqual(['setOption a']))
    const chart = chartOf('chart-a')!
    // happy-dom lays nothing out: the element's size is 0 × 0, unlike the fake chart's 600 × 320.
    observed.resize.forEach((fire) => fire())
    expect(chart.calls).toEqual(['setOption a', 'resize'])
    chart.width = 0
    chart.height = 0
    observed.resize.forEach((fire) => fire())
    expect(chart.calls).toEqual(['setOption a', 'resize'])
    unmount()
    expect(chart.calls).toEqual(['setOption a', 'resize', 'dispose'])
  })

  it('draws a new option on the same chart, marking it not rendered until then', async () => {
    const { rerender } = render(<EChart option={option('a')} testId="chart-a" />)
    scrollIntoView('chart-a')
    await waitFor(() => expect(chartOf('chart-a')?.calls).toEqual(['setOption a']))
    rerender(<EChart option={option('b')} testId="chart-a" />)
    await waitFor(() => expect(chartOf('chart-a')?.calls).toEqual(['setOption a', 'setOption b']))
    expect(charts).toHaveLength(1)
    expect(screen.getByTestId('chart-a').dataset.rendered).toBe('true')
  })

  it('reports each draw: not rendered while queued, rendered once ECharts has finished', async () => {
    const states: boolean[] = []
    const { rerender } = render(
      <EChart option={option('a')} testId="chart-a" onRendered={(r) => states.push(r)} />,
    )
    expect(states).toEqual([])
    scrollIntoView('chart-a')
    await waitFor(() => expect(states).toEqual([false, true]))
    rerender(<EChart option={option('b')} testId="chart-a" onRendered={(r) => states.push(r)} />)
    await waitFor(() => expect(states).toEqual([false, true, false, true]))
  })
})

describe('ChartCard', () => {
  it('offers the PNG export only once its chart is drawn', async () => {
    render(<ChartCard title="Cost" testId="chart-cost" option={option('cost')} rows={[]} fileName="cost" />)
    const png = screen.getByTestId<HTMLButtonElement>('chart-export-png')
    expect(png.disabled).toBe(true)
    expect(png.title).toBe('The chart is still being drawn')
    scrollIntoView('chart-cost')
    await waitFor(() => expect(png.disabled).toBe(false))
  })
})
