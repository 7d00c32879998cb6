import { Field } from '../../../components/Field'
import { useDatasetList } from '../../../queries/datasets'
import { useNewRun } from '../../../stores/hooks'
import { selectNewRunActions, selectNewRunForm } from '../../../stores/runs/selectors'
import { CanaryOption } from './CanaryOption'

/** Dataset, repeats, concurrency, the response cache and the canary. */
export function RunOptions() {
  const { datasets } = useDatasetList()
  const form = useNewRun(selectNewRunForm)
  const { setDataset, setField, setUseCache } = useNewRun(selectNewRunActions)
  return (
    <div className="new-run-section">
      <Field label="Dataset" hint="Its cases are frozen as a snapshot when the run starts.">
        <select
          data-testid="new-run-dataset"
          value={form.datasetId ?? ''}
          onChange={(e) => setDataset(e.target.value || null)}
        >
          <option value="">Choose a dataset…</option>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.caseCount.toLocaleString()} cases)
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field label="Repeats" className="narrow" hint="Calls per case, version and model (1–10).">
          <input
            type="number"
            data-testid="new-run-repeats"
            min={1}
            max={10}
            step={1}
            value={form.repeats}
            onChange={(e) => setField('repeats', e.target.value)}
          />
        </Field>
        <Field label="Concurrency per provider" className="medium" hint="Empty: each provider's default.">
          <input
            type="number"
            data-testid="new-run-concurrency"
            min={1}
            max={256}
            step={1}
            placeholder="provider default"
            value={form.concurrency}
            onChange={(e) => setField('concurrency', e.target.value)}
          />
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          data-testid="new-run-cache"
          checked={form.useCache}
          onChange={(e) => setUseCache(e.target.checked)}
        />
        <span>
          Reuse cached answers <span className="field-hint">— applies to requests at temperature 0 only</span>
        </span>
      </label>
      <CanaryOption />
    </div>
  )
}
