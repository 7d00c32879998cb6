import { useState, type ChangeEvent, type FormEvent } from 'react'
import { ErrorNotice } from '../../components/ErrorNotice'
import { Field } from '../../components/Field'
import { useBaselineFolder } from '../../stores/baselines/hooks'
import { selectFolderActions } from '../../stores/baselines/selectors'
import { VerifyResult } from './VerifyResult'
import { FolderInput } from './FolderInput'

interface SignerFiles {
  names: string[]
  contents: string[]
}

const none: SignerFiles = { names: [], contents: [] }

/** Checks a prompt folder's manifest hashes, formats and signatures against the keys the team trusts. */
export function VerifyPanel() {
  const submit = useBaselineFolder((s) => s.verifySubmit)
  const result = useBaselineFolder((s) => s.verifyResult)
  const { verify } = useBaselineFolder(selectFolderActions)
  const [folder, setFolder] = useState('')
  const [signers, setSigners] = useState<SignerFiles>(none)
  const [readError, setReadError] = useState<string | null>(null)

  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    try {
      setSigners({ names: files.map((f) => f.name), contents: await Promise.all(files.map((f) => f.text())) })
      setReadError(null)
    } catch (error) {
      setSigners(none)
      setReadError(
        `Could not read the chosen file (${error instanceof Error ? error.message : String(error)}). ` +
          'Check that it still exists and that you may open it, then choose it again.',
      )
    }
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    void verify(folder, signers.contents)
  }

  return (
    <section className="panel" aria-labelledby="bundle-verify-title">
      <h2 id="bundle-verify-title">Verify a prompt folder</h2>
      <form onSubmit={onSubmit}>
        <Field label="Prompt folder" hint="e.g. /home/you/repo/evals/ticket-triage">
          <FolderInput
            testId="bundle-verify-folder"
            value={folder}
            onChange={setFolder}
            dialogTitle="Verify a prompt folder"
          />
        </Field>
        <Field
          label="Allowed signers (optional)"
          hint="allowed-signers.json or public-key files; without them every signature counts as unknown"
          error={readError ?? undefined}
        >
          <input
            type="file"
            multiple
            accept=".json,application/json"
            data-testid="bundle-verify-signers"
            onChange={(e) => void onFiles(e)}
          />
        </Field>
        {signers.names.length > 0 ? (
          <p className="muted" data-testid="bundle-verify-signer-files">
            Allowed signers from {signers.names.join(', ')}
          </p>
        ) : null}
        <button
          type="submit"
          className="button"
          data-testid="bundle-verify"
          disabled={submit.status === 'busy' || folder.trim() === ''}
        >
          {submit.status === 'busy' ? 'Verifying…' : 'Verify'}
        </button>
      </form>
      {submit.error ? (
        <ErrorNotice title="Not verified" error={submit.error} testId="bundle-verify-error" />
      ) : null}
      {result ? <VerifyResult report={result} /> : null}
    </section>
  )
}
