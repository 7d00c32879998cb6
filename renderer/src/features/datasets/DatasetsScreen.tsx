import { useEffect } from 'react'
import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { selectDatasetActions, selectDatasets, selectDatasetsLoad } from '../../stores/datasets/selectors'
import { useDatasets } from '../../stores/hooks'
import { DatasetCard } from './DatasetCard'

export function DatasetsScreen() {
  const datasets = useDatasets(selectDatasets)
  const load = useDatasets(selectDatasetsLoad)
  const { ensureLoaded } = useDatasets(selectDatasetActions)

  useEffect(() => {
    void ensureLoaded()
  }, [ensureLoaded])

  const error = load.error ? (
    <ErrorNotice title="Could not load datasets" error={load.error} testId="datasets-error" />
  ) : null
  if (error && datasets.length === 0) return error
  if (load.status !== 'ready' && datasets.length === 0) return <p className="muted">Loading datasets…</p>
  if (datasets.length === 0) {
    return (
      <EmptyState title="No datasets yet" testId="datasets-empty">
        <p>
          A dataset holds the cases a prompt is evaluated on: inputs, expected answers and tags such as{' '}
          <code>segment:enterprise</code> or <code>lang:de</code>.
        </p>
        <p>
          Importing datasets from files is coming in a later version. A new, empty data folder starts with
          demo datasets you can explore meanwhile.
        </p>
      </EmptyState>
    )
  }
  return (
    <div className="dataset-list" aria-busy={load.status === 'loading'}>
      {error}
      {datasets.map((dataset) => (
        <DatasetCard key={dataset.id} dataset={dataset} />
      ))}
    </div>
  )
}
