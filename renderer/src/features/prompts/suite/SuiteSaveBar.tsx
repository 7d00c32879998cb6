import { ErrorNotice } from '../../../components/ErrorNotice'
import { useSuite } from '../../../stores/hooks'
import {
  selectCanSaveSuite,
  selectSuite,
  selectSuiteActions,
  selectSuiteDirty,
  selectSuiteMessage,
  selectSuiteSave,
} from '../../../stores/scoring/selectors'

/** Saves the edited suite as its next version, with a message saying what changed. */
export function SuiteSaveBar() {
  const suite = useSuite(selectSuite)
  const dirty = useSuite(selectSuiteDirty)
  const message = useSuite(selectSuiteMessage)
  const save = useSuite(selectSuiteSave)
  const canSave = useSuite(selectCanSaveSuite)
  const { setMessage, save: saveSuite, discard } = useSuite(selectSuiteActions)
  const next = (suite?.version ?? 0) + 1

  return (
    <form
      className="suite-save"
      aria-label="Save the suite"
      onSubmit={(event) => {
        event.preventDefault()
        if (canSave) void saveSuite()
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
          dirty || suite?.version === 0 ? 'What changed in the suite (required)' : 'No changes to save'
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
          Saved as version {suite?.version}.
        </span>
      ) : null}
      {save.error ? (
        <ErrorNotice title="Suite not saved" error={save.error} testId="suite-save-error" />
      ) : null}
    </form>
  )
}
