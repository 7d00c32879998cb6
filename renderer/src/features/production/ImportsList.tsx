import { useQueues } from '../../stores/hooks'
import { useMonitor } from '../../stores/production/hooks'
import { selectQueuesActions } from '../../stores/review/selectors'
import { rateToPercentText } from '../../stores/production/units'
import { formatPeriod } from './alert-text'

/** Every import of the prompt, newest first; each is a run, so it opens in Runs (and Review, Compare). */
export function ImportsList() {
  const imports = useMonitor((s) => s.monitor?.imports ?? null)
  const rubricId = useMonitor((s) => s.monitor?.reviewRubricId ?? null)
  const { openDialogFor } = useQueues(selectQueuesActions)
  if (!imports) return null
  return (
    <section className="card production-imports" aria-label="Imports">
      <h2>Imports</h2>
      <table>
        <thead>
          <tr>
            <th>File</th>
            <th>Period</th>
            <th>Calls</th>
            <th>Sampled</th>
            <th>Scored</th>
            <th>Run</th>
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id} data-testid="production-import-row">
              <td>{i.fileName}</td>
              <td>{formatPeriod(i.periodStart, i.periodEnd)}</td>
              <td>{i.total}</td>
              <td>
                {i.sampled} ({rateToPercentText(i.sampleRate)} %)
              </td>
              <td>{i.scored ? 'yes' : 'not yet'}</td>
              <td>
                <a href={`#/runs/${encodeURIComponent(i.runId)}`}>Open run</a>
                {' · '}
                {/* The link shows the Review screen; the click first opens its new-queue dialog on this run. */}
                <a
                  href="#/review"
                  data-testid="production-review-sample"
                  onClick={() => openDialogFor({ runId: i.runId, rubricId })}
                >
                  Review a sample
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
