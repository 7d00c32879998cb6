import { useState } from 'react'
import type { ErrorInfo } from '../../../../../shared/contract'
import type { PlaygroundSession } from '../../../../../shared/domain/playground'
import type { Run } from '../../../../../shared/domain/runs'
import { ErrorNotice } from '../../../components/ErrorNotice'

interface Props {
  session: PlaygroundSession
  /** The version the session ran (or the draft's base). */
  baseNumber: number
  saved: Run | null
  busy: boolean
  save: (promptVersionId?: string) => Promise<Run | null>
  /** Saves the unsaved edits as a version with this message; its id, or null (the error is then returned). */
  saveDraft: (message: string) => Promise<{ versionId: string } | { error: ErrorInfo }>
}

/**
 * "Save as run": the answers become a small completed run. A run records an immutable version, so answers
 * of unsaved edits are saved as the next version first — with the commit message asked for here.
 */
export function SaveAsRun({ session, baseNumber, saved, busy, save, saveDraft }: Props) {
  const [message, setMessage] = useState('')
  const [error, setError] = useState<ErrorInfo | null>(null)
  // Once the edits are a version, saving again (after a refused run) must not save them a second time.
  const [versionId, setVersionId] = useState<string | null>(null)
  if (saved) {
    return (
      <p role="status" className="save-ok" data-testid="playground-saved">
        Saved as run “{saved.name}”.{' '}
        <a href={`#/runs/${encodeURIComponent(saved.id)}`} data-testid="playground-open-run">
          Open the run
        </a>{' '}
        ·{' '}
        <a href={`#/compare?runs=${encodeURIComponent(saved.id)}`} data-testid="playground-open-compare">
          Open in Compare
        </a>
      </p>
    )
  }
  if (session.status === 'running') return null
  const onSave = async () => {
    setError(null)
    if (!session.fromDraft) return void (await save())
    if (versionId) return void (await save(versionId))
    const outcome = await saveDraft(message)
    if ('error' in outcome) return setError(outcome.error)
    setVersionId(outcome.versionId)
    await save(outcome.versionId)
  }
  return (
    <form
      className="playground-save"
      aria-label="Save as run"
      onSubmit={(e) => {
        e.preventDefault()
        void onSave()
      }}
    >
      {session.fromDraft && !versionId ? (
        <>
          <p className="muted" data-testid="playground-save-explains">
            These answers come from unsaved edits. A run records an immutable version, so Save as run first
            saves your edits as v{baseNumber + 1} with this commit message, then stores the run of v
            {baseNumber + 1}.
          </p>
          <label className="field">
            <span className="field-label">Commit message for v{baseNumber + 1}</span>
            <input
              type="text"
              data-testid="playground-commit-message"
              value={message}
              maxLength={500}
              required
              onChange={(e) => setMessage(e.target.value)}
            />
          </label>
        </>
      ) : null}
      <button
        type="submit"
        className="button"
        data-testid="playground-save"
        disabled={busy || (session.fromDraft && !versionId && message.trim() === '')}
      >
        {session.fromDraft && !versionId ? `Save v${baseNumber + 1} and save as run` : 'Save as run'}
      </button>
      {error ? <ErrorNotice title="Not saved" error={error} testId="playground-save-error" /> : null}
    </form>
  )
}
