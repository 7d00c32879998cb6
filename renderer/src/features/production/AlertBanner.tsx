import { useMemo } from 'react'
import type { Alert } from '../../../../shared/domain/production'
import { useMonitor } from '../../stores/production/hooks'
import { alertSentence, preview } from './alert-text'

function AlertCases({ alert }: { alert: Alert }) {
  if (alert.cases.length === 0) return null
  return (
    <table className="alert-cases">
      <thead>
        <tr>
          <th>Call</th>
          <th>Input</th>
          <th>Output</th>
          <th>Reason</th>
        </tr>
      </thead>
      <tbody>
        {alert.cases.map((c) => (
          <tr key={c.caseId} data-testid="alert-case">
            <td className="mono">{c.externalId}</td>
            <td>{preview(c.input)}</td>
            <td className="mono">{c.output === null ? '(no output)' : preview(c.output, 200)}</td>
            <td>{c.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Breached thresholds, at the top of the screen: what broke, by how much, and the cases behind it. */
export function AlertBanner() {
  const monitor = useMonitor((s) => s.monitor)
  const breached = useMemo(() => monitor?.alerts.filter((a) => a.breached) ?? [], [monitor])
  if (!monitor || breached.length === 0) return null
  return (
    <section className="production-alert" role="alert" data-testid="production-alert" data-breached="true">
      <h2>
        {breached.length === 1 ? 'A threshold is breached' : `${breached.length} thresholds are breached`}
      </h2>
      {breached.map((alert) => (
        <div
          key={`${alert.metric}-${alert.threshold.direction}-${alert.scope}-${alert.period}`}
          className="alert-item"
          data-testid="alert-item"
          data-scope={alert.scope}
        >
          <p className="alert-sentence">
            <strong>{alertSentence(alert, monitor.imports)}</strong>
            {alert.cases.length > 0 ? ` — ${alert.cases.length} failing cases` : ''}
          </p>
          <AlertCases alert={alert} />
        </div>
      ))}
    </section>
  )
}
