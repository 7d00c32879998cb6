import { useMemo, useState } from 'react'
import type { Run } from '../../../../shared/domain/runs'
import { identityLabel } from '../../../../shared/lib/model-identity'
import { useCompare } from '../../stores/hooks'
import { useRunList } from '../../queries/runs'
import type { PickableSlice } from '../../stores/compare/compare-slices'
import { selectCompareActions, selectCompareRuns } from '../../stores/compare/selectors'
import { useSlicesOf } from '../../queries/compare'
import { ErrorNotice } from '../../components/ErrorNotice'

/** Runs with results to compare: finished ones, and paused or cancelled ones that have some. */
function comparableRuns(list: readonly Run[], added: readonly string[]): Run[] {
  return list.filter((r) => !added.includes(r.id) && r.counts.done > 0)
}

export function sliceLabel(s: PickableSlice): string {
  return `v${s.versionNumber} · ${identityLabel(s)} · ${s.runName}`
}

export function RunPicker() {
  const { runs } = useRunList()
  const added = useCompare(selectCompareRuns)
  const runIds = useMemo(() => added.map((r) => r.id), [added])
  const { addRun, removeRun } = useCompare(selectCompareActions)
  const slicesOf = useSlicesOf(added)
  const addError = useCompare((s) => s.addError)
  const options = useMemo(() => comparableRuns(runs, runIds), [runs, runIds])
  const [choice, setChoice] = useState('')
  const chosen = options.find((r) => r.id === choice) ?? options[0]

  return (
    <div className="compare-runs">
      <label>
        Run{' '}
        <select
          data-testid="compare-run"
          value={chosen?.id ?? ''}
          onChange={(e) => setChoice(e.target.value)}
        >
          {options.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid="compare-add-run"
        disabled={!chosen}
        onClick={() => chosen && void addRun({ id: chosen.id, name: chosen.name }, slicesOf)}
      >
        Add run
      </button>
      {addError && <ErrorNotice title="Could not add the run" error={addError} testId="compare-add-error" />}
      <ul className="compare-run-list">
        {runIds.map((id) => (
          <li key={id}>
            {runs.find((r) => r.id === id)?.name ?? id}{' '}
            <button type="button" onClick={() => removeRun(id)} aria-label="Remove run">
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
