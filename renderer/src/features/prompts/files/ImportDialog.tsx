import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { Field } from '../../../components/Field'
import {
  selectFilesActions,
  selectImportExisting,
  selectImporting,
  selectImportForm,
  selectImportOpen,
} from '../../../stores/files/selectors'
import { useFiles } from '../../../stores/hooks'
import { AllowNewVariables } from '../editor/AllowNewVariables'
import { ModelEditor } from '../editor/ModelEditor'

/**
 * Import an exported prompt file as a new prompt, or as a new version of the open prompt (on top of its
 * latest). The core checks the file; its message names the file, line and field that are wrong.
 */
export function ImportDialog() {
  const open = useFiles(selectImportOpen)
  const existing = useFiles(selectImportExisting)
  const form = useFiles(selectImportForm)
  const importing = useFiles(selectImporting)
  const { closeImport, setFile, setImportField, submitImport } = useFiles(selectFilesActions)
  if (!open) return null
  const busy = importing.status === 'busy'
  const asNew = form.target === 'new' || !existing

  const onFile = async (file: File | undefined) => {
    if (file) setFile(file.name, await file.text())
  }

  return (
    <Dialog title="Import a prompt file" testId="import-dialog" onClose={closeImport}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          void submitImport()
        }}
      >
        <Field
          label="Prompt file"
          hint={form.fileName ? `Chosen: ${form.fileName}` : 'A file exported from Eval Lab.'}
        >
          <input
            type="file"
            data-testid="import-file"
            data-autofocus
            accept=".json,.yaml,.yml,.txt,application/json"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </Field>
        <fieldset className="radio-group">
          <legend>Import as</legend>
          <label>
            <input
              type="radio"
              name="import-target"
              data-testid="import-target-new"
              checked={asNew}
              onChange={() => setImportField('target', 'new')}
            />
            A new prompt
          </label>
          <label>
            <input
              type="radio"
              name="import-target"
              data-testid="import-target-existing"
              disabled={!existing}
              checked={!asNew}
              onChange={() => setImportField('target', 'existing')}
            />
            {existing
              ? `A new version of "${existing.promptName}" (on top of v${existing.baseNumber})`
              : 'A new version of the open prompt (open one first)'}
          </label>
        </fieldset>
        {asNew ? (
          <>
            <Field label="Name">
              <input
                type="text"
                data-testid="import-name"
                maxLength={120}
                value={form.name}
                onChange={(e) => setImportField('name', e.target.value)}
              />
            </Field>
            <label className="check">
              <input
                type="checkbox"
                data-testid="import-override-model"
                checked={form.overrideModel}
                onChange={(e) => setImportField('overrideModel', e.target.checked)}
              />
              Pin a different model than the file's
            </label>
            {form.overrideModel ? (
              <ModelEditor
                model={{ provider: form.provider, model: form.model }}
                onChange={(m) => {
                  setImportField('provider', m.provider)
                  setImportField('model', m.model)
                }}
                testIdPrefix="import-model"
              />
            ) : null}
          </>
        ) : null}
        <Field label="Commit message (optional)">
          <input
            type="text"
            data-testid="import-message"
            maxLength={500}
            placeholder="Defaults to the file's own message"
            value={form.message}
            onChange={(e) => setImportField('message', e.target.value)}
          />
        </Field>
        {importing.error ? (
          <ErrorNotice title="Not imported" error={importing.error} testId="import-error" />
        ) : null}
        <AllowNewVariables
          error={importing.error}
          busy={busy}
          testId="import-allow-new-variables"
          onRetry={() => void submitImport({ allowNewVariables: true })}
        />
        <footer className="dialog-actions">
          <button type="button" className="button" onClick={closeImport}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-import"
            disabled={busy || !form.fileName}
          >
            {busy ? 'Importing…' : 'Import'}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
