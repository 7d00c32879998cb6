// The ECharts build the app draws with: only the series, components and features the chart option builders
// use (the full `echarts` entry is about three times bigger). Loaded on demand by load-echarts.ts, so it is a
// chunk of its own, never part of the first screen. A builder that starts using a new series type or
// component must register it here; tests/renderer/lib/echarts/echarts-core.test.ts renders every builder's
// option through this module and fails on ECharts' "used but not imported" warning.
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components'
import { init, use as register } from 'echarts/core'
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features'
import { CanvasRenderer } from 'echarts/renderers'

register([
  LineChart,
  BarChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  LabelLayout,
  // The option builders lay out with `grid.containLabel`, which ECharts 6 moved into this feature.
  LegacyGridContainLabel,
  CanvasRenderer,
])

export { init }
