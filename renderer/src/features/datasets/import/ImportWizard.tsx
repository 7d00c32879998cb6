import { Dialog } from '../../../components/Dialog'
import { ErrorNotice } from '../../../components/ErrorNotice'
import {
  importBlocker,
  selectImportActions,
  selectImportCommitting,
  selectImportOpen,
  selectImportPreview,
  selectImportPreviewLoad,
} from '../../../stores/datasets/import-selectors'
import { useDatasetImport, useDatasetNav } from '../../../stores/hooks'
import { FailingRows } from './FailingRows'
import { FileReferencesOption } from './FileReferencesOption'
import { FilePicker } from './FilePicker'
import { ImportIssues } from './ImportIssues'
import { ImportSummary } from './ImportSummary'
import { ImportTargetFields } from './ImportTargetFields'
import { MappingEditor } from './MappingEditor'
import { PreviewRows } from './PreviewRows'
import { PromptVariablesPicker } from './PromptVariablesPicker'

/**
 * Import a CSV, JSONL or promptfoo file: pick it, map its columns (every change previews again), see the
 * first rows and every failing row, exclude failing rows explicitly, choose where the cases go. All or
 * nothing: nothing is saved while a row fails.
 */
export function ImportWizard() {
  const open = useDatasetImport(selectImportOpen)
  const preview = useDatasetImport(selectImportPreview)
  const previewLoad = useDatasetImport(selectImportPreviewLoad)
  const committing = useDatasetImport(selectImportCommitting)
  const blocker = useDatasetImport(importBlocker)
  const { close, commit } = useDatasetImport(selectImportActions)
  const nav = useDatasetNav()
  if (!open) return null

  const onImport = async () => {
    const detail = await commit()
    if (!detail) return
    close()
    nav.showDataset(detail)
  }

  return (
    <Dialog
      title="Import cases"
      testId="import-dialog-dataset"
      onClose={close}
      className="wide import-wizard"
    >
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault()
          if (!blocker) void onImport()
        }}
      >
        <FilePicker />
        <FileReferencesOption />
        {previewLoad.error && !preview ? (
          <ErrorNotice
            title="This file cannot be imported"
            error={previewLoad.error}
            testId="import-read-error"
          />
        ) : null}
        {preview ? (
          <div
            className="import-preview"
            data-testid="import-preview"
            aria-busy={previewLoad.status === 'loading'}
          >
            <ImportSummary />
            <PromptVariablesPicker />
            <MappingEditor />
            {previewLoad.error ? (
              <ErrorNotice title="Preview failed" error={previewLoad.error} testId="import-preview-error" />
            ) : null}
            <PreviewRows />
            <FailingRows />
          </div>
        ) : null}
        <ImportTargetFields />
        <ImportIssues />
        {committing.error ? (
          <ErrorNotice title="Nothing was imported" error={committing.error} testId="import-commit-error" />
        ) : null}
        <footer className="dialog-actions">
          {blocker ? (
            <span className="muted import-blocker" data-testid="import-blocker">
              {blocker}
            </span>
          ) : null}
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid="confirm-dataset-import"
            disabled={blocker !== null || committing.status === 'busy'}
          >
            {committing.status === 'busy'
              ? 'Importing…'
              : `Import${preview ? ` ${preview.counts.valid.toLocaleString()} cases` : ''}`}
          </button>
        </footer>
      </form>
    </Dialog>
  )
}
