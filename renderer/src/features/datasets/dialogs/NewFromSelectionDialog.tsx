import { useState } from 'react'
import type { DatasetDetail } from '../../../../../shared/domain/datasets'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { plural } from '../../../components/format'
import {
  selectCaseOp,
  selectCaseOpState,
  selectCaseOpsActions,
  selectDetailActions,
  selectSelection,
} from '../../../stores/datasets/selectors'
import { useCaseOps, useCaseTable, useDatasetDetail, useDatasetNav } from '../../../stores/hooks'

/** A new dataset with copies of the selected cases, linked to this one as its parent. */
export function NewFromSelectionDialog({ detail }: { detail: DatasetDetail }) {
  const selection = useCaseTable(selectSelection)
  const { closeDialog } = useDatasetDetail(selectDetailActions)
  const op = useCaseOps(selectCaseOp)
  const state = useCaseOps(selectCaseOpState)
  const { createFromCases } = useCaseOps(selectCaseOpsActions)
  const nav = useDatasetNav()
  const [name, setName] = useState(`${detail.dataset.name} (subset)`)
  const [description, setDescription] = useState('')
  const ids = [...selection.ids]

  const onSubmit = async () => {
    const created = await createFromCases(detail.dataset.id, ids, name, description)
    if (created) nav.showDataset(created)
  }

  return (
    <Dialog title="New dataset from selection" testId="new-from-selection-dialog" onClose={closeDialog}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          void onSubmit()
        }}
      >
        <p className="muted">
          Copies the {plural(ids.length, 'selected case')} into a new dataset linked to “{detail.dataset.name}
          ”. Later edits to either one do not change the other.
        </p>
        <Field label="Name">
          <input
            type="text"
            data-testid="dataset-name-input"
            data-autofocus
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label="Description (optional)">
          <textarea
            rows={2}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        {op === 'newDataset' && state.error ? (
          <ErrorNotice title="Not created" error={state.error} testId="new-from-selection-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeDialog}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-new-from-selection"
            disabled={state.status === 'busy' || !name.trim() || ids.length === 0}
          >
            Create with {plural(ids.length, 'case')}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
