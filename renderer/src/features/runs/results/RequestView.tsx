import type { RunResult } from '../../../../../shared/domain/runs'

/** The messages as they were sent (variables filled in) and the params, as plain text. */
export function RequestView({ request }: { request: RunResult['request'] }) {
  const params = Object.entries(request.params)
  return (
    <section className="result-request" data-testid="result-request" aria-label="Request">
      <h4>Request</h4>
      <ol className="request-messages">
        {request.messages.map((m, i) => (
          <li key={i} data-role={m.role}>
            <span className={`message-role role-${m.role}`}>{m.role}</span>
            <pre className="result-text">{m.content}</pre>
          </li>
        ))}
      </ol>
      <p className="request-params">
        <span className="muted">Params: </span>
        {params.length === 0 ? (
          'provider defaults'
        ) : (
          <code>{params.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' · ')}</code>
        )}
      </p>
    </section>
  )
}
