import { useMemo } from 'react'
import type { CompareData, PromptTrend } from '../../../../shared/domain/compare'
import { ChartCard } from './ChartCard'
import { costBySegmentOption, costBySegmentRows, costOption, costRows } from './charts/cost'
import { latencyOption, latencyRows } from './charts/latency'
import { paretoOption, paretoRows } from './charts/pareto'
import { qualityBySegmentOption, qualityBySegmentRows, qualityOption, qualityRows } from './charts/quality'
import { trendOption, trendRows } from './charts/trend'

interface Props {
  data: CompareData
  trend: PromptTrend | null
  metric: string
  segment: string
}

/** Every chart of the compare screen, built from the same series by pure option functions. */
export function ChartsPanel({ data, trend, metric, segment }: Props) {
  const { series, latencySloMs } = data
  const charts = useMemo(
    () => [
      {
        testId: 'chart-quality',
        title: 'Quality per metric (95% CI)',
        option: qualityOption(series),
        rows: qualityRows(series),
      },
      {
        testId: 'chart-quality-segment',
        title: `${metric} per ${segment}`,
        option: qualityBySegmentOption(series, metric, segment),
        rows: qualityBySegmentRows(series, metric, segment),
      },
      {
        testId: 'chart-cost',
        title: 'Cost per interaction and total',
        option: costOption(series),
        rows: costRows(series),
      },
      {
        testId: 'chart-cost-segment',
        title: `Cost per interaction per ${segment}`,
        option: costBySegmentOption(series, segment),
        rows: costBySegmentRows(series, segment),
      },
      {
        testId: 'chart-latency',
        title: 'Latency distribution (P50, P95, SLO)',
        option: latencyOption(series, latencySloMs),
        rows: latencyRows(series),
      },
      {
        testId: 'chart-pareto',
        title: `Cost vs ${metric} (Pareto front)`,
        option: paretoOption(series, metric),
        rows: paretoRows(series, metric),
      },
      ...(trend
        ? [
            {
              testId: 'chart-trend',
              title: `${metric} across prompt versions`,
              option: trendOption(trend, metric),
              rows: trendRows(trend, metric),
            },
          ]
        : []),
    ],
    [series, latencySloMs, trend, metric, segment],
  )
  return (
    <div className="compare-charts">
      {charts.map((c) => (
        <ChartCard key={c.testId} {...c} fileName={c.testId} />
      ))}
    </div>
  )
}
