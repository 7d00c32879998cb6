import { lazy, Suspense, type ReactNode } from 'react'

// The chart screens are chunks of their own, loaded the first time they open: the first screen never parses
// them (ECharts itself is a further chunk, loaded with the first chart: lib/echarts/load-echarts.ts).
const CompareScreen = lazy(() =>
  import('../compare/CompareScreen').then((m) => ({ default: m.CompareScreen })),
)
const ProductionScreen = lazy(() =>
  import('../production/ProductionScreen').then((m) => ({ default: m.ProductionScreen })),
)

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
