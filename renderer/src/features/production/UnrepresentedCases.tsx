import type { DatasetSummary } from '../../../../shared/domain/datasets'
import type { DriftReport } from '../../../../shared/domain/production'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useDrift } from '../../stores/production/hooks'
import { preview } from './alert-text'

function AddResultText() {
  const added = useDrift((s) => s.added)
  if (!added) return null
  const skipped = added.skipped > 0 ? ` (${added.skipped} were already there)` : ''
  return (
    <p data-testid="drift-add-result">
      Added {added.added} cases to {added.datasetName}
      {skipped}. Snapshot the dataset to use them in runs.
    </p>
  )
}

/** Production cases the dataset does not represent, chosen with checkboxes and copied into a dataset. */
export function UnrepresentedCases({
  report,
  datasets,
}: {
  report: DriftReport
  datasets: readonly DatasetSummary[]
}) {
  const selected = useDrift((s) => s.selected)
  const targetId = useDrift((s) => s.targetId)
  const add = useDrift((s) => s.add)
  const actions = useDrift((s) => s.actions)
  if (report.unrepresented.length === 0)
    return <p className="muted">Every production case is represented in the dataset.</p>
  const targetName = datasets.find((d) => d.id === targetId)?.name ?? report.dataset.name
  const all = selected.length === report.unrepresented.length
  return (
    <div className="drift-unrepresented">
      <h3>Not represented in the dataset ({report.unrepresented.length})</h3>
      <table>
        <thead>
          <tr>
            <th>
              <input
                type="checkbox"
                aria-label="Choose all"
                checked={all}
                onChange={() => actions.setAll(!all)}
              />
            </th>
            <th>Call</th>
            <th>Input</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {report.unrepresented.map((c) => (
            <tr key={c.caseId} data-testid="drift-unrepresented">
              <td>
                <input
                  type="checkbox"
                  aria-label={`Choose ${c.externalId}`}
                  checked={selected.includes(c.caseId)}
                  onChange={() => actions.toggle(c.caseId)}
                />
              </td>
              <td className="mono">{c.externalId}</td>
              <td>{preview(c.preview)}</td>
              <td>{c.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="drift-add">
        <select
          data-testid="drift-dataset"
          aria-label="Dataset to add to"
          value={targetId ?? ''}
          onChange={(e) => actions.setTarget(e.target.value)}
        >
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
          {datasets.some((d) => d.id === report.dataset.id) ? null : (
            <option value={report.dataset.id}>{report.dataset.name}</option>
          )}
        </select>
        <button
          className="button small primary"
          type="button"
          data-testid="drift-add"
          disabled={selected.length === 0 || add.status === 'busy'}
          onClick={() => void actions.addSelected(targetName)}
        >
          Add {selected.length} to dataset
        </button>
      </div>
      {add.error ? <ErrorNotice title="The cases were not added" error={add.error} /> : null}
      <AddResultText />
    </div>
  )
}
