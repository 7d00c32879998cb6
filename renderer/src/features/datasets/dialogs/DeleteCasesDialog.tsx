import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { plural } from '../../../components/format'
import {
  selectCaseOp,
  selectCaseOpState,
  selectCaseOpsActions,
  selectCaseTableActions,
  selectDetailActions,
  selectSelection,
} from '../../../stores/datasets/selectors'
import { useCaseOps, useCaseTable, useDatasetDetail } from '../../../stores/hooks'

/** Deleting names how many cases go; snapshots keep them, so a run that used them can still be read. */
export function DeleteCasesDialog() {
  const selection = useCaseTable(selectSelection)
  const { forgetIds } = useCaseTable(selectCaseTableActions)
  const { closeDialog } = useDatasetDetail(selectDetailActions)
  const state = useCaseOps(selectCaseOpState)
  const op = useCaseOps(selectCaseOp)
  const { remove } = useCaseOps(selectCaseOpsActions)
  const ids = [...selection.ids]
  const count = plural(ids.length, 'case')

  const onConfirm = async () => {
    if ((await remove(ids)) === null) return
    forgetIds(ids)
    closeDialog()
  }

  return (
    <Dialog title={`Delete ${count}?`} testId="delete-dialog" onClose={closeDialog}>
      <div className="dialog-body">
        <p>
          {ids.length === 1 ? 'The selected case is' : `The ${count} selected are`} removed from the working
          copy. Snapshots already taken keep {ids.length === 1 ? 'it' : 'them'}.
        </p>
        {op === 'delete' && state.error ? (
          <ErrorNotice title="Not deleted" error={state.error} testId="delete-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary danger"
            data-testid="confirm-delete"
            data-autofocus
            disabled={state.status === 'busy' || ids.length === 0}
            onClick={() => void onConfirm()}
          >
            Delete {count}
          </button>
        </footer>
      </div>
    </Dialog>
  )
}
