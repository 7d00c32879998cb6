import type { EvalSuite, EvalSuiteDraft } from '../../../../../shared/domain/scoring'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { submitOf } from '../../../queries/submit'
import { useSaveSuite } from '../../../queries/suite'
import { useSuite } from '../../../stores/hooks'
import { selectSuiteActions, selectSuiteMessage } from '../../../stores/scoring/selectors'

interface Props {
  suite: EvalSuite
  /** What the editor shows: the draft, or the stored suite. */
  draft: EvalSuiteDraft
  dirty: boolean
}

/** Saves the edited suite as its next version, with a message saying what changed. */
export function SuiteSaveBar({ suite, draft, dirty }: Props) {
  const message = useSuite(selectSuiteMessage)
  const { setMessage, discard } = useSuite(selectSuiteActions)
  const saving = useSaveSuite()
  // An outcome speaks of the draft it saved: an edit since then hides it.
  const save =
    saving.variables?.suite === draft || saving.isSuccess
      ? submitOf(saving)
      : submitOf({ status: 'idle', error: null })
  // Saving needs a change (or a default suite, version 0, never stored), a message, and no save in flight.
  const canSave = (dirty || suite.version === 0) && message.trim().length > 0 && !saving.isPending
  const next = suite.version + 1

  return (
    <form
      className="suite-save"
      aria-label="Save the suite"
      onSubmit={(event) => {
        event.preventDefault()
        if (canSave) saving.mutate({ promptId: suite.promptId, suite: draft, message })
      }}
    >
      {dirty ? <span className="badge dirty">Unsaved changes</span> : null}
      <input
        type="text"
        className="grow-input"
        data-testid="suite-message"
        aria-label="What changed in the suite"
        maxLength={1000}
        placeholder={
          dirty || suite.version === 0 ? 'What changed in the suite (required)' : 'No changes to save'
        }
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <button
        type="button"
        className="button small"
        data-testid="suite-discard"
        disabled={!dirty}
        onClick={discard}
      >
        Discard
      </button>
      <button type="submit" className="button small primary" data-testid="suite-save" disabled={!canSave}>
        {save.status === 'busy' ? 'Saving…' : `Save as version ${next}`}
      </button>
      {save.status === 'done' && !dirty ? (
        <span className="save-ok" role="status" data-testid="suite-saved">
          Saved as version {suite.version}.
        </span>
      ) : null}
      {save.error ? (
        <ErrorNotice title="Suite not saved" error={save.error} testId="suite-save-error" />
      ) : null}
    </form>
  )
}
