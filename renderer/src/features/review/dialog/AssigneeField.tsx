import { useState } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { useReviewers } from '../../../queries/queues'
import { useQueues } from '../../../stores/hooks'
import { toggled, type QueueForm } from '../../../stores/review/queue-form'
import { selectQueuesActions, selectReviewerSubmit } from '../../../stores/review/selectors'
import type { SetForm } from './QueueDialog'

/** Who reviews (named profiles; a new one can be added inline) and how many of them score each item. */
export function AssigneeField({ form, set }: { form: QueueForm; set: SetForm }) {
  const { reviewers } = useReviewers()
  const submit = useQueues(selectReviewerSubmit)
  const { createReviewer } = useQueues(selectQueuesActions)
  const [name, setName] = useState('')

  async function onAdd(): Promise<void> {
    const reviewer = await createReviewer(name.trim())
    if (!reviewer) return
    setName('')
    set({ reviewerIds: toggled(form.reviewerIds, reviewer.id, true) })
  }

  return (
    <fieldset className="queue-assignees">
      <legend>Reviewers</legend>
      {reviewers.length === 0 ? <p className="muted">No reviewer profiles yet: add one below.</p> : null}
      {reviewers.map((r) => (
        <label key={r.id} className="check">
          <input
            type="checkbox"
            data-testid="queue-assignee"
            data-name={r.name}
            checked={form.reviewerIds.includes(r.id)}
            onChange={(e) => set({ reviewerIds: toggled(form.reviewerIds, r.id, e.target.checked) })}
          />
          {r.name}
        </label>
      ))}
      <span className="queue-new-reviewer">
        <input
          aria-label="New reviewer name"
          placeholder="New reviewer name"
          data-testid="reviewer-new-name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the reviewer instead of submitting the whole queue form.
            if (e.key !== 'Enter') return
            e.preventDefault()
            if (name.trim()) void onAdd()
          }}
        />
        <button
          type="button"
          className="button small"
          data-testid="reviewer-new-add"
          disabled={!name.trim() || submit.status === 'busy'}
          onClick={() => void onAdd()}
        >
          Add reviewer
        </button>
      </span>
      {submit.error ? <ErrorNotice title="Reviewer not added" error={submit.error} /> : null}
      <Field label="Reviewers per item">
        <input
          type="number"
          min={1}
          max={10}
          data-testid="queue-reviewers-per-item"
          value={form.reviewersPerItem}
          onChange={(e) => set({ reviewersPerItem: e.target.value })}
        />
      </Field>
    </fieldset>
  )
}
