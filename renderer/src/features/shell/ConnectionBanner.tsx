import { selectConnection, selectConnectionActions } from '../../stores/app/connection-store'
import { useConnection } from '../../stores/hooks'

/**
 * Over every screen while the core cannot be reached: says so instead of leaving a screen that silently
 * stops updating. The transport reconnects by itself; once it is back, what is shown is fetched again.
 */
export function ConnectionBanner() {
  const connection = useConnection(selectConnection)
  const { retryNow } = useConnection(selectConnectionActions)
  if (connection.status === 'connected') return null
  const refused = connection.status === 'refused'
  return (
    <div
      className={`connection-banner${refused ? ' refused' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="connection-banner"
      data-state={connection.status}
    >
      <strong>
        {refused ? 'Disconnected — this page is no longer accepted' : 'Disconnected — reconnecting…'}
      </strong>{' '}
      <span>
        {refused
          ? connection.message
          : 'Eval Lab cannot reach its host. This screen may be out of date; it refreshes by itself once the host answers again.'}
      </span>
      {refused ? null : (
        <button type="button" className="button small" data-testid="connection-retry" onClick={retryNow}>
          Retry now
        </button>
      )}
    </div>
  )
}
