import { useState } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { plural } from '../../../components/format'
import { selectDetailActions, selectDetailsSave } from '../../../stores/datasets/selectors'
import { useDatasetDetail, useDatasetNav } from '../../../stores/hooks'

/** Deleting a dataset also deletes its snapshots, so the name must be typed: no slip of a key does it. */
export function DeleteDatasetDialog({ detail }: { detail: DatasetDetail }) {
  const { dataset } = detail
  const [typed, setTyped] = useState('')
  const save = useDatasetDetail(selectDetailsSave)
  const { closeDialog, deleteDataset } = useDatasetDetail(selectDetailActions)
  const nav = useDatasetNav()
  const matches = typed.trim() === dataset.name

  const onConfirm = async () => {
    if (await deleteDataset()) nav.openList()
  }

  return (
    <Dialog title={`Delete “${dataset.name}”?`} testId="delete-dataset-dialog" onClose={closeDialog}>
      <div className="dialog-body">
        <p>
          This deletes {plural(dataset.caseCount, 'case')} and {plural(dataset.snapshotCount, 'snapshot')}. It
          cannot be undone; export the dataset first if you may need it again.
        </p>
        <label className="field">
          <span>Type the dataset’s name to confirm</span>
          <input
            type="text"
            data-testid="delete-dataset-name"
            data-autofocus
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        {save.status === 'error' && save.error ? (
          <ErrorNotice title="Not deleted" error={save.error} testId="delete-dataset-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary danger"
            data-testid="confirm-delete-dataset"
            disabled={!matches || save.status === 'busy'}
            onClick={() => void onConfirm()}
          >
            Delete dataset
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
