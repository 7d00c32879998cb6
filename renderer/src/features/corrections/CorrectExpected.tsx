import { useState } from 'react'
import type { CorrectionTarget } from '../../../../shared/domain/corrections'
import { toErrorInfo } from '../../api'
import { useRpcMutation, useRpcQuery } from '../../api/query'
import { ErrorNotice } from '../../components/ErrorNotice'
import { ExpectedFields } from './ExpectedFields'
import { expectedValueText, initialDraft, parseExpectedChange, type ExpectedDraft } from './expected-value'

interface Props {
  runId: string
  caseId: string
}

/**
 * "Update the expected value" on a run result: the run's case, corrected in its dataset's working copy with
 * who and why (the next snapshot diff lists it). Says up front when the case is gone from the working copy.
 */
export function CorrectExpected({ runId, caseId }: Props) {
  const [open, setOpen] = useState(false)
  const target = useRpcQuery('cases.correctionTarget', open ? { runId, caseId } : null)
  return (
    <section
      className="correct-expected"
      aria-label="Correct the expected value"
      data-testid="correct-expected"
    >
      {open ? null : (
        <button
          type="button"
          className="button small"
          data-testid="correct-expected-open"
          onClick={() => setOpen(true)}
        >
          Update the expected value…
        </button>
      )}
      {open && target.error ? (
        <ErrorNotice title="Cannot correct this case" error={toErrorInfo(target.error)} />
      ) : null}
      {open && target.data ? (
        <CorrectForm runId={runId} caseId={caseId} target={target.data} onClose={() => setOpen(false)} />
      ) : null}
    </section>
  )
}

function CorrectForm({
  runId,
  caseId,
  target,
  onClose,
}: Props & { target: CorrectionTarget; onClose: () => void }) {
  const [draft, setDraft] = useState<ExpectedDraft>(() => initialDraft(target.expected))
  const [reason, setReason] = useState('')
  const [formError, setFormError] = useState<string | null>(null)
  const save = useRpcMutation('cases.correctExpected')
  if (target.working === null) {
    return (
      <p className="field-error" role="alert" data-testid="correct-expected-gone">
        Case “{target.caseKey}” is no longer in the working copy of “{target.datasetName}”: add it back in the
        dataset to correct its expected value.
      </p>
    )
  }
  if (save.data) {
    return (
      <p role="status" data-testid="correct-expected-done">
        Expected {save.data.field} of case “{save.data.key}” is now{' '}
        <strong>{expectedValueText(save.data.after)}</strong> in the working copy of “{target.datasetName}”;
        the next snapshot takes it in.
      </p>
    )
  }
  function onSubmit(): void {
    const parsed = parseExpectedChange(target.expected, draft)
    if (!parsed.ok) return setFormError(parsed.error)
    if (!reason.trim()) return setFormError('Say why the expected value is wrong.')
    setFormError(null)
    save.mutate({ runId, caseId, ...parsed.change, reason: reason.trim() })
  }
  return (
    <form
      className="correct-expected-form"
      onSubmit={(e) => {
        e.preventDefault()
        onSubmit()
      }}
    >
      <ExpectedFields expected={target.expected} draft={draft} onChange={setDraft} />
      <input
        aria-label="Why the expected value is wrong"
        placeholder="Why the expected value is wrong"
        data-testid="correct-reason"
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      <button
        type="submit"
        className="button small primary"
        data-testid="correct-save"
        disabled={save.isPending}
      >
        Update expected in “{target.datasetName}”
      </button>
      <button type="button" className="button small" onClick={onClose}>
        Cancel
      </button>
      {formError ? (
        <p className="field-error" role="alert" data-testid="correct-form-error">
          {formError}
        </p>
      ) : null}
      {save.error ? <ErrorNotice title="Expected value not updated" error={toErrorInfo(save.error)} /> : null}
    </form>
  )
}
