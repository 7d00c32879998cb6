import { useState, type FormEvent } from 'react'
import type { BundleImport } from '../../../../shared/domain/bundles'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useBaselineFolder } from '../../stores/baselines/hooks'
import { selectFolderActions } from '../../stores/baselines/selectors'
import { FolderInput } from './FolderInput'

/** Brings a prompt folder from the repository into this workspace (verified first by the core). */
export function ImportPanel() {
  const submit = useBaselineFolder((s) => s.importSubmit)
  const result = useBaselineFolder((s) => s.importResult)
  const { importBundle } = useBaselineFolder(selectFolderActions)
  const [folder, setFolder] = useState('')
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void importBundle(folder)
  }
  return (
    <section className="panel" aria-labelledby="bundle-import-title">
      <h2 id="bundle-import-title">Import a prompt folder</h2>
      <form onSubmit={onSubmit}>
        <Field label="Prompt folder" hint="e.g. /home/you/repo/evals/ticket-triage">
          <FolderInput
            testId="bundle-import-folder"
            value={folder}
            onChange={setFolder}
            dialogTitle="Import a prompt folder"
          />
        </Field>
        <button
          type="submit"
          className="button"
          data-testid="bundle-import"
          disabled={submit.status === 'busy' || folder.trim() === ''}
        >
          {submit.status === 'busy' ? 'Importing…' : 'Import'}
        </button>
      </form>
      {submit.error ? (
        <ErrorNotice title="Not imported" error={submit.error} testId="bundle-import-error" />
      ) : null}
      {result ? <ImportSummary result={result} /> : null}
    </section>
  )
}

function ImportSummary({ result }: { result: BundleImport }) {
  return (
    <p className="op-result" data-testid="bundle-import-result" role="status">
      {result.unchanged
        ? `${result.promptName}: already in this workspace, nothing changed.`
        : `Imported ${result.promptName}: ${result.versionsAdded} new versions, ${result.signoffsAdded} sign-offs.`}
    </p>
  )
}
