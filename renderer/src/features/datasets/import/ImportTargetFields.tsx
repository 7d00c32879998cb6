import { Field } from '../../../components/Field'
import { selectImportActions, selectImportTarget } from '../../../stores/datasets/import-selectors'
import { useDatasetList } from '../../../queries/datasets'
import { useDatasetImport } from '../../../stores/hooks'

/** Where the cases go: a new dataset, or an existing one (added to its cases, or replacing them). */
export function ImportTargetFields() {
  const target = useDatasetImport(selectImportTarget)
  const { setTarget } = useDatasetImport(selectImportActions)
  const { datasets } = useDatasetList()

  return (
    <fieldset className="radio-group import-target">
      <legend>Import into</legend>
      <label>
        <input
          type="radio"
          name="dataset-import-target"
          data-testid="import-target-new"
          checked={target.kind === 'new'}
          onChange={() => setTarget({ kind: 'new' })}
        />
        A new dataset
      </label>
      <label>
        <input
          type="radio"
          name="dataset-import-target"
          data-testid="import-target-existing"
          disabled={datasets.length === 0}
          checked={target.kind === 'existing'}
          onChange={() =>
            setTarget({ kind: 'existing', datasetId: target.datasetId || (datasets[0]?.id ?? '') })
          }
        />
        An existing dataset
      </label>
      {target.kind === 'new' ? (
        <div className="field-row">
          <Field label="Name" className="grow">
            <input
              type="text"
              data-testid="import-dataset-name"
              maxLength={120}
              value={target.name}
              onChange={(e) => setTarget({ name: e.target.value })}
            />
          </Field>
          <Field label="Description (optional)" className="grow">
            <input
              type="text"
              data-testid="import-dataset-description"
              maxLength={2000}
              value={target.description}
              onChange={(e) => setTarget({ description: e.target.value })}
            />
          </Field>
        </div>
      ) : (
        <div className="field-row">
          <Field label="Dataset" className="grow">
            <select
              data-testid="import-existing-dataset"
              value={target.datasetId}
              onChange={(e) => setTarget({ datasetId: e.target.value })}
            >
              {datasets.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.caseCount} cases)
                </option>
              ))}
            </select>
          </Field>
          <Field
            label="Mode"
            className="medium"
            hint={
              target.mode === 'replace'
                ? 'Its cases are replaced; snapshots keep the old ones.'
                : 'Added after its cases.'
            }
          >
            <select
              data-testid="import-mode"
              value={target.mode}
              onChange={(e) => setTarget({ mode: e.target.value === 'replace' ? 'replace' : 'append' })}
            >
              <option value="append">Append</option>
              <option value="replace">Replace</option>
            </select>
          </Field>
        </div>
      )}
    </fieldset>
  )
}
