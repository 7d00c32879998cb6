import { useState, type FormEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { Time } from '../../components/Time'
import { useBaselineFolder } from '../../stores/baselines/hooks'
import { selectFolderActions, shortHash } from '../../stores/baselines/selectors'
import { ExportResult } from './ExportResult'
import { rememberFolder, rememberedFolder } from './folder-memory'
import { FolderInput } from './FolderInput'

/** Writes the prompt's baseline folder into the team's repository, optionally committing it. */
export function ExportPanel({ promptId }: { promptId: string }) {
  const submit = useBaselineFolder((s) => s.exportSubmit)
  const result = useBaselineFolder((s) => s.exportResult)
  const { exportBundle } = useBaselineFolder(selectFolderActions)
  const [folder, setFolder] = useState(() => rememberedFolder(promptId))
  const [commit, setCommit] = useState(false)
  const [commitMessage, setCommitMessage] = useState('')

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    rememberFolder(promptId, folder.trim())
    void exportBundle({ folder, commit, commitMessage })
  }

  return (
    <section className="panel" aria-labelledby="bundle-export-title">
      <h2 id="bundle-export-title">Export to the team repository</h2>
      <form onSubmit={onSubmit}>
        <Field
          label="Folder"
          hint="e.g. /home/you/repo/evals — the prompt gets its own sub-folder, rewritten byte-for-byte"
        >
          <FolderInput
            testId="bundle-folder"
            value={folder}
            onChange={setFolder}
            dialogTitle="Export the baseline to"
          />
        </Field>
        <label className="check">
          <input
            type="checkbox"
            data-testid="bundle-commit"
            checked={commit}
            onChange={(e) => setCommit(e.target.checked)}
          />{' '}
          Commit to git
        </label>
        {commit ? (
          <Field label="Commit message" hint="Empty: a message naming the prompt and baseline">
            <input
              data-testid="bundle-commit-message"
              value={commitMessage}
              onChange={(e) => setCommitMessage(e.target.value)}
            />
          </Field>
        ) : null}
        <button
          type="submit"
          className="button primary"
          data-testid="bundle-export"
          disabled={submit.status === 'busy' || folder.trim() === ''}
        >
          {submit.status === 'busy' ? 'Exporting…' : 'Export'}
        </button>
      </form>
      {submit.error ? (
        <ErrorNotice title="Not exported" error={submit.error} testId="bundle-export-error" />
      ) : null}
      {result ? <ExportResult result={result} /> : null}
      <PastExports />
    </section>
  )
}

function PastExports() {
  const exports = useBaselineFolder((s) => s.exports)
  if (exports.length === 0) return null
  return (
    <details className="past-exports" data-testid="bundle-exports">
      <summary>Past exports ({exports.length})</summary>
      <ul className="plain-list">
        {exports.map((e) => (
          <li key={`${e.exportedAt}|${e.folder}`}>
            <code>{e.folder}</code> · {e.exportedBy} <Time iso={e.exportedAt} /> · manifest{' '}
            <code>{shortHash(e.manifestSha256)}</code>
            {e.commitSha ? (
              <>
                {' '}
                · commit <code>{e.commitSha.slice(0, 10)}</code>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  )
}
