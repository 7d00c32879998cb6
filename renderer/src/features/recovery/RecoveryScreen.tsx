import type { WorkspaceFailure } from '../../../../shared/domain/workspace'
import { appMode } from '../../api/app-mode'
import { failureCopy } from './failure-copy'

interface Props {
  home: string
  failure: WorkspaceFailure
}

/** Shown instead of the app when the workspace could not be opened: what happened, where, what to do. */
export function RecoveryScreen({ home, failure }: Props) {
  const copy = failureCopy(failure.kind, appMode())
  return (
    <main className="recovery" data-testid="recovery-screen" data-failure-kind={failure.kind}>
      <section className="recovery-card" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{copy.title}</h1>
        <p className="recovery-summary">{copy.summary}</p>
        <dl className="facts">
          <dt>Database file</dt>
          <dd>
            <code data-testid="recovery-db-file">{failure.dbFile}</code>
          </dd>
          {failure.backupFile ? (
            <>
              <dt>Backup file</dt>
              <dd>
                <code data-testid="recovery-backup-file">{failure.backupFile}</code>
              </dd>
            </>
          ) : null}
          <dt>Data folder</dt>
          <dd>
            <code>{home}</code>
          </dd>
        </dl>
        <h2>What you can do</h2>
        <ol className="recovery-steps">
          {copy.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        <h2>Details</h2>
        <pre className="recovery-message" data-testid="recovery-message">
          {failure.message}
        </pre>
      </section>
    </main>
  )
}
