import type { ErrorInfo } from '../../../../shared/contract'
import { appMode } from '../../api/app-mode'

interface Props {
  error: ErrorInfo | null
  onRetry: () => void
  /** The transport is trying again by itself; the screen goes once the core answers. */
  reconnecting?: boolean
}

/** The core never answered (or refused this page): say which, and offer the one thing that can help. */
export function UnreachableScreen({ error, onRetry, reconnecting = false }: Props) {
  const forbidden = error?.code === 'FORBIDDEN'
  return (
    <main className="recovery" data-testid="unreachable-screen">
      <section className="recovery-card" aria-labelledby="unreachable-title">
        <h1 id="unreachable-title">
          {forbidden ? 'This page is not allowed to use Eval Lab' : 'Eval Lab is not answering'}
        </h1>
        {forbidden ? (
          <p className="recovery-summary">
            The page was opened without a valid access token. Open the address the Eval Lab host printed when
            it started (it ends in <code>?token=…</code>); a token from an earlier start no longer works.
          </p>
        ) : (
          <p className="recovery-summary">
            {appMode() === 'desktop'
              ? 'The window could not reach the part of Eval Lab that reads your workspace. Try again; if it ' +
                'keeps failing, quit Eval Lab and open it again.'
              : 'This page could not reach the Eval Lab host that reads your workspace. Check that the host is ' +
                'still running (the terminal where you started it, e.g. npm run web); start it again if it ' +
                'stopped, then try again.'}
          </p>
        )}
        {error ? (
          <pre className="recovery-message" data-testid="unreachable-message">
            {error.message}
          </pre>
        ) : null}
        {reconnecting && !forbidden ? (
          <p className="muted" role="status" data-testid="unreachable-reconnecting">
            Reconnecting by itself…
          </p>
        ) : null}
        {forbidden ? null : (
          <button type="button" className="button" onClick={onRetry} data-testid="retry-connection">
            Try again
          </button>
        )}
      </section>
    </main>
  )
}
