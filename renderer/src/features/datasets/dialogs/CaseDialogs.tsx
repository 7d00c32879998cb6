import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { selectDatasetDialog } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'
import { GenerateDialog } from '../generate/GenerateDialog'
import { DeleteCasesDialog } from './DeleteCasesDialog'
import { DeleteDatasetDialog } from './DeleteDatasetDialog'
import { NewFromSelectionDialog } from './NewFromSelectionDialog'
import { SnapshotDialog } from './SnapshotDialog'
import { TagCasesDialog } from './TagCasesDialog'

/** The one dialog of the dataset screen that is open, if any. */
export function CaseDialogs({ detail }: { detail: DatasetDetail }) {
  const dialog = useDatasetDetail(selectDatasetDialog)
  switch (dialog) {
    case 'delete':
      return <DeleteCasesDialog />
    case 'tag':
      return <TagCasesDialog tagCounts={detail.dataset.tagCounts} />
    case 'snapshot':
      return <SnapshotDialog detail={detail} />
    case 'deleteDataset':
      return <DeleteDatasetDialog detail={detail} />
    case 'newFromSelection':
      return <NewFromSelectionDialog detail={detail} />
    case 'generate':
      return <GenerateDialog datasetId={detail.dataset.id} tagCounts={detail.dataset.tagCounts} />
    default:
      return null
  }
}
