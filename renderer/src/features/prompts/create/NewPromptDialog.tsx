import type { KeyboardEvent } from 'react'
import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import { shortcutLabel } from '../../../components/shortcuts'
import { useNewPrompt } from '../../../stores/hooks'
import {
  selectNewPromptActions,
  selectNewPromptForm,
  selectNewPromptOpen,
  selectNewPromptSubmit,
} from '../../../stores/new-prompt/selectors'
import { AllowNewVariables } from '../editor/AllowNewVariables'
import { ModelEditor } from '../editor/ModelEditor'
import { ParamsEditor } from '../editor/ParamsEditor'
import { NewPromptMessages } from './NewPromptMessages'

/** Creates a prompt with its first version: name, owner, messages, pinned model, params, commit message. */
export function NewPromptDialog() {
  const open = useNewPrompt(selectNewPromptOpen)
  const form = useNewPrompt(selectNewPromptForm)
  const submit = useNewPrompt(selectNewPromptSubmit)
  const { close, setField, setDraft, create } = useNewPrompt(selectNewPromptActions)
  if (!open) return null
  const busy = submit.status === 'busy'

  // Ctrl/Cmd+S or Ctrl/Cmd+Enter creates, from any field of the dialog.
  const onKeyDown = (event: KeyboardEvent) => {
    const key = event.key.toLowerCase()
    if (!(event.ctrlKey || event.metaKey) || (key !== 's' && key !== 'enter')) return
    event.preventDefault()
    void create()
  }

  return (
    <Dialog title="New prompt" testId="new-prompt-dialog" onClose={close} className="wide">
      <form
        className="dialog-body"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <div className="field-row">
          <Field label="Name" className="grow">
            <input
              type="text"
              data-testid="new-prompt-name"
              data-autofocus
              maxLength={120}
              value={form.name}
              placeholder="e.g. Ticket triage"
              onChange={(e) => setField('name', e.target.value)}
            />
          </Field>
          <Field label="Owner" className="grow">
            <input
              type="text"
              data-testid="new-prompt-owner"
              maxLength={200}
              value={form.owner}
              placeholder="Team or person (defaults to you)"
              onChange={(e) => setField('owner', e.target.value)}
            />
          </Field>
        </div>
        <Field label="Description">
          <textarea
            data-testid="new-prompt-description"
            rows={2}
            maxLength={2000}
            value={form.description}
            placeholder="What the feature does with this prompt"
            onChange={(e) => setField('description', e.target.value)}
          />
        </Field>
        <ModelEditor
          model={form.draft.model}
          onChange={(model) => setDraft((d) => ({ ...d, model }))}
          testIdPrefix="new-prompt-model"
        />
        <ParamsEditor
          form={form.draft.params}
          onChange={(params) => setDraft((d) => ({ ...d, params }))}
          testIdPrefix="new-prompt-param"
        />
        <NewPromptMessages messages={form.draft.messages} onChange={setDraft} />
        <Field label="Commit message">
          <input
            type="text"
            data-testid="new-prompt-commit"
            maxLength={500}
            value={form.commitMessage}
            onChange={(e) => setField('commitMessage', e.target.value)}
          />
        </Field>
        {submit.error ? (
          <ErrorNotice title="Not created" error={submit.error} testId="new-prompt-error" />
        ) : null}
        <AllowNewVariables
          error={submit.error}
          busy={busy}
          testId="create-allow-new-variables"
          onRetry={() => void create({ allowNewVariables: true })}
        />
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" data-testid="create-prompt" disabled={busy}>
            {busy ? 'Creating…' : 'Create prompt'}
            <kbd>{shortcutLabel('S')}</kbd>
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
