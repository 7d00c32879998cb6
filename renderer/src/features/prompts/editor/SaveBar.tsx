import { ErrorNotice } from '../../../components/ErrorNotice'
import { shortcutLabel } from '../../../components/shortcuts'
import { usePrompts } from '../../../stores/hooks'
import { selectCommitMessage, selectPromptActions, selectSave } from '../../../stores/prompts/selectors'
import { AllowNewVariables } from './AllowNewVariables'

interface Props {
  dirty: boolean
  baseNumber: number
}

/** Commit message, Save (Ctrl/Cmd+S) and the outcome: the new version number, or the core's reason. */
export function SaveBar({ dirty, baseNumber }: Props) {
  const commitMessage = usePrompts(selectCommitMessage)
  const save = usePrompts(selectSave)
  const { setCommitMessage, saveVersion, discardDraft } = usePrompts(selectPromptActions)
  const saving = save.status === 'saving'

  return (
    <form
      className="save-bar"
      aria-label="Save a new version"
      onSubmit={(event) => {
        event.preventDefault()
        void saveVersion()
      }}
    >
      <div className="save-row">
        <label className="commit-label">
          <span>Commit message</span>
          <input
            type="text"
            data-testid="commit-message"
            value={commitMessage}
            maxLength={500}
            placeholder="What changed, and why"
            onChange={(event) => setCommitMessage(event.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button primary"
          data-testid="save-version"
          disabled={!dirty || saving}
        >
          {saving ? 'Saving…' : `Save as v${baseNumber + 1}`}
          <kbd>{shortcutLabel('S')}</kbd>
        </button>
        {dirty ? (
          <button
            type="button"
            className="button"
            data-testid="discard-draft"
            onClick={() => void discardDraft()}
          >
            Discard changes
          </button>
        ) : null}
      </div>
      <div className="save-outcome">
        {dirty ? (
          <span className="badge dirty" data-testid="draft-dirty">
            Unsaved changes to v{baseNumber}
          </span>
        ) : null}
        {save.status === 'saved' && save.savedNumber !== null ? (
          <p role="status" className="save-ok" data-testid="save-status">
            Saved as v{save.savedNumber}.
          </p>
        ) : null}
        {save.status === 'error' && save.error ? (
          <>
            <ErrorNotice title="Not saved" error={save.error} testId="save-error" />
            <AllowNewVariables
              error={save.error}
              testId="save-allow-new-variables"
              onRetry={() => void saveVersion({ allowNewVariables: true })}
            />
            {save.error.code === 'CONFLICT' ? (
              <p className="muted">
                Copy your edits if you want to keep them, then{' '}
                <button type="button" className="link-button" onClick={() => void discardDraft()}>
                  discard them and load the latest version
                </button>
                .
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </form>
  )
}
