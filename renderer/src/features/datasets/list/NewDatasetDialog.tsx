import { useState } from 'react'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { useCreateDataset } from '../../../queries/datasets'
import { submitOf } from '../../../queries/submit'
import { selectCreateOpen, selectDatasetActions } from '../../../stores/datasets/selectors'
import { useDatasetNav, useDatasets } from '../../../stores/hooks'

/** An empty dataset; cases come by hand (Add case) or from a file (Import…). */
export function NewDatasetDialog() {
  const open = useDatasets(selectCreateOpen)
  const createCall = useCreateDataset()
  const creating = submitOf(createCall)
  const { closeCreate } = useDatasets(selectDatasetActions)
  const nav = useDatasetNav()
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  if (!open) return null
  const close = () => {
    setName('')
    setDescription('')
    createCall.reset()
    closeCreate()
  }

  const onSubmit = async () => {
    if (createCall.isPending) return
    const detail = await createCall.mutateAsync({ name, description }).catch(() => null)
    if (!detail) return
    setName('')
    setDescription('')
    createCall.reset()
    closeCreate()
    nav.showDataset(detail)
  }

  return (
    <Dialog title="New dataset" testId="new-dataset-dialog" onClose={close}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          void onSubmit()
        }}
      >
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
        <Field label="Description (optional)" hint="What the cases represent and where they came from.">
          <textarea
            data-testid="dataset-description-input"
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        {creating.error ? (
          <ErrorNotice title="Not created" error={creating.error} testId="new-dataset-error" />
        ) : null}
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-new-dataset"
            disabled={creating.status === 'busy' || !name.trim()}
          >
            Create dataset
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
