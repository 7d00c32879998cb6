import { EmptyState } from '../../../components/EmptyState'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useDatasetList } from '../../../queries/datasets'
import { selectDatasetActions } from '../../../stores/datasets/selectors'
import { selectImportActions } from '../../../stores/datasets/import-selectors'
import { useDatasetImport, useDatasets } from '../../../stores/hooks'
import { DatasetItem } from './DatasetItem'

/** Every dataset with its size, snapshots and where it came from; New and Import start a new one. */
export function DatasetList() {
  const { datasets, query, error } = useDatasetList()
  const { openCreate } = useDatasets(selectDatasetActions)
  const { openImport } = useDatasetImport(selectImportActions)
  const names = new Map(datasets.map((d) => [d.id, d.name]))

  let body
  if (error && datasets.length === 0) body = null
  else if (!query.isSuccess && datasets.length === 0) body = <p className="muted">Loading datasets…</p>
  else if (datasets.length === 0) body = <NoDatasets />
  else {
    body = (
      <table className="dataset-table" aria-busy={query.isFetching}>
        <thead>
          <tr>
            <th scope="col">Dataset</th>
            <th scope="col" className="num">
              Cases
            </th>
            <th scope="col" className="num">
              Snapshots
            </th>
            <th scope="col">Made from</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <DatasetItem
              key={dataset.id}
              dataset={dataset}
              parentName={dataset.parentId ? (names.get(dataset.parentId) ?? null) : null}
            />
          ))}
        </tbody>
      </table>
    )
  }

  return (
    <section className="dataset-list" aria-label="Datasets">
      <div className="toolbar">
        <button type="button" className="button primary small" data-testid="new-dataset" onClick={openCreate}>
          New dataset
        </button>
        <button
          type="button"
          className="button small"
          data-testid="import-dataset"
          onClick={() => openImport(null)}
        >
          Import…
        </button>
      </div>
      {error ? <ErrorNotice title="Could not load datasets" error={error} testId="datasets-error" /> : null}
      {body}
    </section>
  )
}

function NoDatasets() {
  return (
    <EmptyState title="No datasets yet" testId="datasets-empty">
      <p>
        A dataset holds the cases a prompt is evaluated on: input variables, an expected answer, and tags such
        as <code>segment:enterprise</code> or <code>lang:de</code> that show which segments are covered.
      </p>
      <p>
        <strong>Import…</strong> a CSV, JSONL or promptfoo test file (you map its columns before anything is
        saved), or start an empty one with <strong>New dataset</strong> and add cases by hand.
      </p>
    </EmptyState>
  )
}
