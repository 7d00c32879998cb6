import type { MetricSummary } from '../../../../../shared/domain/scoring'
import { intervalText, metricValueText } from '../../../../../shared/lib/gate-text'

/** Each metric: pass rate (or mean on 0..1) with its 95 % interval and how many outputs it rests on. */
export function MetricsTable({ metrics }: { metrics: readonly MetricSummary[] }) {
  if (metrics.length === 0) return <p className="muted">No metrics: the eval suite has no scorers.</p>
  return (
    <table className="dataset-table summary-metrics">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col">95 % interval</th>
          <th scope="col" className="num">
            n
          </th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((m) => (
          <tr
            key={m.metric}
            data-testid="summary-metric"
            data-metric={m.metric}
            data-kind={m.kind}
            data-value={m.value ?? undefined}
            data-n={m.n}
          >
            <th scope="row">
              {m.label} <code className="muted">{m.metric}</code>
            </th>
            <td className="num" data-testid="summary-metric-value">
              {metricValueText(m.kind, m.value)}
            </td>
            <td className="muted">{intervalText(m.kind, m.ci95)}</td>
            <td className="num">{m.n.toLocaleString()}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
