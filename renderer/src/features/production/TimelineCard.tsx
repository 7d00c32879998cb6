import { useMemo, useState } from 'react'
import { EChart } from '../../lib/echarts/EChart'
import { useMonitor } from '../../stores/production/hooks'
import { timelineMetrics, timelineOption } from './timeline-chart'

/** One metric at a time over the imports; breached metrics come first so the chart opens on the problem. */
export function TimelineCard() {
  const monitor = useMonitor((s) => s.monitor)
  const [chosen, setChosen] = useState<string | null>(null)
  const metrics = useMemo(
    () => (monitor ? timelineMetrics(monitor.timeline, monitor.metricLabels) : []),
    [monitor],
  )
  const breached = monitor?.alerts.find((a) => a.breached)?.metric
  const metric =
    metrics.find((m) => m.metric === chosen) ??
    metrics.find((m) => m.metric === breached) ??
    metrics[0] ??
    null
  const option = useMemo(
    () =>
      monitor && metric
        ? timelineOption(monitor.timeline, metric.metric, metric.label, monitor.settings.thresholds)
        : null,
    [monitor, metric],
  )
  if (!monitor || !metric || !option)
    return (
      <section className="card production-timeline-card">
        <h2>Quality over time</h2>
        <p className="muted">Score an import to see its metrics here.</p>
      </section>
    )
  return (
    <section className="card production-timeline-card" aria-label="Quality over time">
      <header className="chart-card-header">
        <h2>Quality over time</h2>
        <select
          data-testid="timeline-metric"
          aria-label="Metric"
          value={metric.metric}
          onChange={(e) => setChosen(e.target.value)}
        >
          {metrics.map((m) => (
            <option key={m.metric} value={m.metric}>
              {m.label}
            </option>
          ))}
        </select>
      </header>
      <EChart option={option} testId="production-timeline" height={280} />
    </section>
  )
}
