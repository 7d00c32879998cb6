import { useState } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { selectDetailActions, selectDetailsSave } from '../../../stores/datasets/selectors'
import { useDatasetDetail } from '../../../stores/hooks'

interface Props {
  name: string
  description: string
  onDone: () => void
}

/** Renaming or describing a dataset changes no case: it needs no snapshot. */
export function DetailsForm({ name: initialName, description: initialDescription, onDone }: Props) {
  const [name, setName] = useState(initialName)
  const [description, setDescription] = useState(initialDescription)
  const state = useDatasetDetail(selectDetailsSave)
  const { updateDetails } = useDatasetDetail(selectDetailActions)
  return (
    <form
      className="details-form"
      aria-label="Dataset details"
      onSubmit={(e) => {
        e.preventDefault()
        void updateDetails({ name, description }).then((ok) => ok && onDone())
      }}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <input
        type="text"
        aria-label="Name"
        data-testid="dataset-edit-name"
        autoFocus
        maxLength={120}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <textarea
        aria-label="Description"
        data-testid="dataset-edit-description"
        rows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <button
        type="submit"
        className="button small primary"
        data-testid="save-dataset-details"
        disabled={state.status === 'busy' || !name.trim()}
      >
        Save details
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
      {state.error ? (
        <ErrorNotice title="Details not saved" error={state.error} testId="dataset-details-error" />
      ) : null}
    </form>
  )
}
