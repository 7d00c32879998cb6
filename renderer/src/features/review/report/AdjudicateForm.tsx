import { useState } from 'react'
import type { RubricScale } from '../../../../../shared/domain/scoring'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { useQueues } from '../../../stores/hooks'
import { disagreementId } from '../../../stores/review/queues-store'
import { scaleOptions } from '../../../stores/review/review-keys'
import { selectAdjudications, selectQueuesActions } from '../../../stores/review/selectors'
import { ExpectedFields } from '../../corrections/ExpectedFields'
import { initialDraft, parseExpectedChange, type ExpectedDraft } from '../../corrections/expected-value'
import type { Disagreement } from './DisagreementList'

/**
 * The final score and why; when the case's expected value was what was wrong, "update the expected value"
 * corrects it in the dataset's working copy with the same reason, in the same write.
 */
export function AdjudicateForm({
  disagreement: d,
  scale,
}: {
  disagreement: Disagreement
  scale: RubricScale
}) {
  const options = scaleOptions(scale)
  const [raw, setRaw] = useState(String(d.scores[0]?.raw ?? options[0]?.raw ?? ''))
  const [reason, setReason] = useState('')
  const [correcting, setCorrecting] = useState(false)
  const [draft, setDraft] = useState<ExpectedDraft>(() => initialDraft(d.expected))
  const [formError, setFormError] = useState<string | null>(null)
  const { adjudicate } = useQueues(selectQueuesActions)
  const submit = useQueues(selectAdjudications)[disagreementId(d.itemId, d.criterionKey)]
  const busy = submit?.status === 'busy'

  function onSubmit(): void {
    if (!reason.trim()) return
    const parsed = correcting ? parseExpectedChange(d.expected, draft) : null
    if (parsed && !parsed.ok) return setFormError(parsed.error)
    setFormError(null)
    void adjudicate(d.itemId, d.criterionKey, Number(raw), reason.trim(), parsed?.change)
  }

  return (
    <form
      className="adjudicate-form"
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <select
        aria-label="Final score"
        data-testid="adjudicate-value"
        value={raw}
        onChange={(e) => setRaw(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.raw} value={String(o.raw)}>
            {o.label}
          </option>
        ))}
      </select>
      <input
        aria-label="Reason"
        placeholder="Why this score"
        data-testid="adjudicate-reason"
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      {d.correctable ? (
        <label className="check">
          <input
            type="checkbox"
            data-testid="adjudicate-update-expected"
            checked={correcting}
            onChange={(e) => setCorrecting(e.target.checked)}
          />
          Update the expected value
        </label>
      ) : null}
      {correcting ? <ExpectedFields expected={d.expected} draft={draft} onChange={setDraft} /> : null}
      <button
        type="submit"
        className="button small"
        data-testid="adjudicate-save"
        disabled={busy || !reason.trim()}
      >
        {correcting ? 'Adjudicate and update expected' : 'Adjudicate'}
      </button>
      {formError ? (
        <p className="field-error" role="alert" data-testid="adjudicate-form-error">
          {formError}
        </p>
      ) : null}
      {submit?.error ? <ErrorNotice title="Not adjudicated" error={submit.error} /> : null}
    </form>
  )
}
