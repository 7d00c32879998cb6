import { selectOpenDatasetId } from '../../stores/datasets/selectors'
import { useDatasetDetail } from '../../stores/hooks'
import { DatasetDetailView } from './detail/DatasetDetailView'
import { ImportWizard } from './import/ImportWizard'
import { DatasetList } from './list/DatasetList'
import { NewDatasetDialog } from './list/NewDatasetDialog'

/** `#/datasets` lists the datasets; `#/datasets/<id>` curates one (its cases, coverage, snapshots). */
export function DatasetsScreen() {
  const openId = useDatasetDetail(selectOpenDatasetId)

  return (
    <>
      {openId ? <DatasetDetailView key={openId} datasetId={openId} /> : <DatasetList />}
      <NewDatasetDialog />
      <ImportWizard />
    </>
  )
}
