import { useState } from 'react'
import type { PromptSummary } from '../../../../../shared/domain/prompts'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { usePrompts } from '../../../stores/hooks'
import { selectDetailsSave, selectPromptActions } from '../../../stores/prompts/selectors'

/** Description and owner describe the prompt, not a version: editing them creates no new version. */
export function DetailsForm({ prompt, onDone }: { prompt: PromptSummary; onDone: () => void }) {
  const [description, setDescription] = useState(prompt.description)
  const [owner, setOwner] = useState(prompt.owner)
  const state = usePrompts(selectDetailsSave)
  const { updateDetails } = usePrompts(selectPromptActions)
  return (
    <form
      className="details-form"
      aria-label="Prompt details"
      onSubmit={(e) => {
        e.preventDefault()
        void updateDetails({ description, owner }).then((ok) => ok && onDone())
      }}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <textarea
        aria-label="Description"
        data-testid="details-description"
        autoFocus
        rows={2}
        maxLength={2000}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <input
        type="text"
        aria-label="Owner"
        data-testid="details-owner"
        maxLength={200}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
      />
      <button
        type="submit"
        className="button small primary"
        data-testid="save-details"
        disabled={state.status === 'busy'}
      >
        Save details
      </button>
      <button type="button" className="button small" onClick={onDone}>
        Cancel
      </button>
      {state.error ? (
        <ErrorNotice title="Details not saved" error={state.error} testId="details-error" />
      ) : null}
    </form>
  )
}
