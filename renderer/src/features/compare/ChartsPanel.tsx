import { useMemo } from 'react'
import type { CompareData, PromptTrend } from '../../../../shared/domain/compare'
import { ChartCard } from './ChartCard'
import { costBySegmentOption, costBySegmentRows, costOption, costRows } from './charts/cost'
import { latencyBatchNote, latencyOption, latencyRows } from './charts/latency'
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
  // One memo per chart, keyed by what that chart shows: a change (the trend arriving, another metric) builds
  // and redraws only the charts it concerns, not all seven.
  const quality = useMemo(() => ({ option: qualityOption(series), rows: qualityRows(series) }), [series])
  const qualitySegment = useMemo(
    () => ({
      option: qualityBySegmentOption(series, metric, segment),
      rows: qualityBySegmentRows(series, metric, segment),
    }),
    [series, metric, segment],
  )
  const cost = useMemo(() => ({ option: costOption(series), rows: costRows(series) }), [series])
  const costSegment = useMemo(
    () => ({ option: costBySegmentOption(series, segment), rows: costBySegmentRows(series, segment) }),
    [series, segment],
  )
  const latency = useMemo(
    () => ({
      option: latencyOption(series, latencySloMs),
      rows: latencyRows(series),
      note: latencyBatchNote(series),
    }),
    [series, latencySloMs],
  )
  const pareto = useMemo(
    () => ({ option: paretoOption(series, metric), rows: paretoRows(series, metric) }),
    [series, metric],
  )
  const trendChart = useMemo(
    () => (trend ? { option: trendOption(trend, metric), rows: trendRows(trend, metric) } : null),
    [trend, metric],
  )
  // A dataset without tags is one "all cases" segment (segment '').
  const per = segment ? `per ${segment}` : 'over all cases (no tags)'
  const charts = [
    { testId: 'chart-quality', title: 'Quality per metric (95% CI)', ...quality },
    { testId: 'chart-quality-segment', title: `${metric} ${per}`, ...qualitySegment },
    { testId: 'chart-cost', title: 'Cost per interaction and total', ...cost },
    { testId: 'chart-cost-segment', title: `Cost per interaction ${per}`, ...costSegment },
    { testId: 'chart-latency', title: 'Latency distribution (P50, P95, SLO)', ...latency },
    { testId: 'chart-pareto', title: `Cost vs ${metric} (Pareto front)`, ...pareto },
    ...(trendChart
      ? [{ testId: 'chart-trend', title: `${metric} across prompt versions`, ...trendChart }]
      : []),
  ]
  return (
    <div className="compare-charts">
      {charts.map((c) => (
        <ChartCard key={c.testId} {...c} fileName={c.testId} />
      ))}
    </div>
  )
}
