import { lazy, Suspense, type ReactNode } from 'react'
import { loadEcharts } from '../../lib/echarts/load-echarts'

// The chart screens are chunks of their own, loaded the first time they open: the first screen never parses
// them (ECharts itself is a further chunk, loaded with the first chart: lib/echarts/load-echarts.ts).
// Opening a chart screen also starts fetching ECharts, so it is there when the screen's data is.
const CompareScreen = lazy(() => {
  prefetchEcharts()
  return import('../compare/CompareScreen').then((m) => ({ default: m.CompareScreen }))
})
const ProductionScreen = lazy(() => {
  prefetchEcharts()
  return import('../production/ProductionScreen').then((m) => ({ default: m.ProductionScreen }))
})

function prefetchEcharts(): void {
  // Not swallowed: a failed load is not cached, and the first chart that needs ECharts loads it again and
  // shows the error if it fails then.
  loadEcharts().catch(() => undefined)
}

function Loading({ what, children }: { what: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="muted" role="status" data-testid="screen-loading">
          Loading {what}…
        </p>
      }
    >
      {children}
    </Suspense>
  )
}

export function LazyCompareScreen() {
  return (
    <Loading what="the Compare screen">
      <CompareScreen />
    </Loading>
  )
}

export function LazyProductionScreen() {
  return (
    <Loading what="the Production screen">
      <ProductionScreen />
    </Loading>
  )
}
