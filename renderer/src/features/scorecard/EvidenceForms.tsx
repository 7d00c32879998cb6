import { useState, type FormEvent } from 'react'
import type { IncidentRunbook } from '../../../../shared/domain/scorecard'
import { toErrorInfo } from '../../api'
import { useRpcMutation } from '../../api/query'
import { ErrorNotice } from '../../components/ErrorNotice'

function submit(event: FormEvent, action: () => void): void {
  event.preventDefault()
  action()
}

/** Where the team's incident runbook lives (level 1 · Managed): recorded, with who and when. */
function RunbookForm({ runbook }: { runbook: IncidentRunbook | null }) {
  const [location, setLocation] = useState('')
  const saving = useRpcMutation('scorecard.setRunbook', { onSuccess: () => setLocation('') })
  return (
    <form className="scorecard-evidence-form" onSubmit={(e) => submit(e, () => saving.mutate({ location }))}>
      <h3>Incident runbook</h3>
      <p className="muted" data-testid="runbook-current">
        {runbook
          ? `Recorded: ${runbook.location} (${runbook.kind}), by ${runbook.recordedBy} on ${runbook.recordedAt.slice(0, 10)}`
          : 'No runbook recorded yet: give the link of the page, or the full path of the file, that says what to do when the feature misbehaves.'}
      </p>
      <label htmlFor="runbook-location">Runbook link or file path</label>
      <input
        id="runbook-location"
        data-testid="runbook-location"
        value={location}
        placeholder="https://wiki.example.com/llm-incidents or /team/docs/RUNBOOK.md"
        onChange={(e) => setLocation(e.target.value)}
      />
      <button
        type="submit"
        className="button"
        data-testid="runbook-save"
        disabled={saving.isPending || !location.trim()}
      >
        {runbook ? 'Record the new location' : 'Record the runbook'}
      </button>
      {saving.error ? (
        <ErrorNotice title="Runbook not recorded" error={toErrorInfo(saving.error)} testId="runbook-error" />
      ) : null}
    </form>
  )
}

/** A CI checkout has no workspace: the status file `evallab gate --ci-status FILE` wrote is recorded here. */
function CiStatusForm() {
  const [file, setFile] = useState('')
  const recording = useRpcMutation('scorecard.recordCiStatus', { onSuccess: () => setFile('') })
  const done = recording.data
  return (
    <form className="scorecard-evidence-form" onSubmit={(e) => submit(e, () => recording.mutate({ file }))}>
      <h3>Record a CI result</h3>
      <p className="muted">
        In CI, run <code>evallab gate evals/&lt;prompt&gt; --ci-status ci-status.json</code> and keep the file
        (a build artifact); give its path here. Gated where this workspace is, the CLI records it itself.
      </p>
      <label htmlFor="ci-status-file">CI status file</label>
      <input
        id="ci-status-file"
        data-testid="ci-status-file"
        value={file}
        placeholder="/home/me/Downloads/ci-status.json"
        onChange={(e) => setFile(e.target.value)}
      />
      <button
        type="submit"
        className="button"
        data-testid="ci-status-record"
        disabled={recording.isPending || !file.trim()}
      >
        Record the CI result
      </button>
      {done ? (
        <p role="status" data-testid="ci-status-recorded">
          {done.recorded
            ? `Recorded the CI result for "${done.promptName}".`
            : `That CI result for "${done.promptName}" was already recorded.`}
        </p>
      ) : null}
      {recording.error ? (
        <ErrorNotice
          title="CI result not recorded"
          error={toErrorInfo(recording.error)}
          testId="ci-status-error"
        />
      ) : null}
    </form>
  )
}

/** Evidence no other screen holds: the scorecard checks it, the team records it here. */
export function EvidenceForms({ runbook }: { runbook: IncidentRunbook | null }) {
  return (
    <section className="card scorecard-evidence" aria-label="Evidence the team records">
      <RunbookForm runbook={runbook} />
      <CiStatusForm />
    </section>
  )
}
