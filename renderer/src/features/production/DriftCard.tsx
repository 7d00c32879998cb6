import { useEffect, useMemo } from 'react'
import type { DriftReport } from '../../../../shared/domain/production'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDatasetList } from '../../queries/datasets'
import { useDrift, useMonitor } from '../../stores/production/hooks'
import { formatPercent } from '../../stores/production/units'
import { latestImportId, lengthSentence } from './drift-text'
import { UnrepresentedCases } from './UnrepresentedCases'

type ShareRow = DriftReport['tags'][number]

function ShareTable({ title, rows, testId }: { title: string; rows: ShareRow[]; testId: string }) {
  if (rows.length === 0) return null
  return (
    <table className="share-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{title}</th>
          <th>Dataset</th>
          <th>Production</th>
          <th>Drifted</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-drifted={r.drifted ? 'true' : 'false'}>
            <td>{r.key}</td>
            <td>{formatPercent(r.datasetShare)}</td>
            <td>{formatPercent(r.productionShare)}</td>
            <td>{r.drifted ? 'yes' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function DriftSummary({ report }: { report: DriftReport }) {
  return (
    <div data-testid="drift-summary" data-drifted={report.drifted ? 'true' : 'false'}>
      <p className={report.drifted ? 'drift-verdict drifted' : 'drift-verdict'}>
        <strong>Drift: {report.drifted ? 'yes' : 'no'}</strong> — {report.productionCalls} production calls
        against {report.dataset.name} ({report.dataset.cases} cases).
      </p>
      {report.findings.length > 0 ? (
        <ul className="drift-findings">
          {report.findings.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">Production inputs look like the dataset.</p>
      )}
      <p>{lengthSentence(report.length)}</p>
    </div>
  )
}

/** Production inputs of the latest import against the curated dataset, and the cases it lacks. */
export function DriftCard() {
  const imports = useMonitor((s) => s.monitor?.imports)
  const report = useDrift((s) => s.report)
  const load = useDrift((s) => s.load)
  const actions = useDrift((s) => s.actions)
  const { datasets } = useDatasetList()
  const importId = useMemo(() => latestImportId(imports ?? []), [imports])
  useEffect(() => void actions.load(importId), [actions, importId])
  return (
    <section className="card production-drift" aria-label="Drift">
      <h2>Drift against the curated dataset</h2>
      {load.status === 'loading' ? <p className="muted">Comparing inputs…</p> : null}
      {load.error ? <ErrorNotice title="Could not compare with the dataset" error={load.error} /> : null}
      {report ? (
        <>
          <DriftSummary report={report} />
          <ShareTable title="Language" rows={report.languages} testId="drift-languages" />
          <ShareTable title="Tag" rows={report.tags} testId="drift-tags" />
          <UnrepresentedCases report={report} datasets={datasets} />
        </>
      ) : null}
    </section>
  )
}
