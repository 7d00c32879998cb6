import { ErrorNotice } from '../../../components/ErrorNotice'
import { shortcutLabel } from '../../../components/shortcuts'
import type { ModelRef } from '../../../../../shared/domain/prompts'
import { modelLabel } from '../../../../../shared/lib/model-ref'
import { useProviderList } from '../../../queries/providers'
import { usePrompts } from '../../../stores/hooks'
import { isConfigured } from '../../../stores/providers/selectors'
import { selectCommitMessage, selectPromptActions, selectSave } from '../../../stores/prompts/selectors'
import { AllowNewVariables } from './AllowNewVariables'

interface Props {
  dirty: boolean
  baseNumber: number
  /** The model the new version will pin. */
  model: ModelRef | null
}

/** Commit message, Save (Ctrl/Cmd+S) and the outcome: the new version number, or the core's reason. */
export function SaveBar({ dirty, baseNumber, model }: Props) {
  const { providers } = useProviderList()
  const unknownProvider = model !== null && isConfigured(providers, model.provider) === false
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
        {dirty && unknownProvider ? (
          // Saved, not refused: a provider is a name each place resolves (Settings here, --provider or
          // EVALLAB_<NAME>_BASE_URL in CI), and an imported prompt may name one this workspace lacks.
          <p className="muted" data-testid="save-unknown-provider">
            v{baseNumber + 1} will pin {model ? modelLabel(model) : ''}, which no provider in Settings is
            named: it can be saved, but runs, gates and promotion here cannot use it until that provider is
            added.
          </p>
        ) : null}
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
