import type { RunResult } from '../../../../../shared/domain/runs'
import { ChatMessageList } from '../../../components/ToolCallList'

/** A param as text; tools by name only (their definitions belong to the version, not to each result). */
function paramText([key, value]: [string, unknown]): string {
  if (key === 'tools' && Array.isArray(value)) {
    const names = value.map((t: unknown) =>
      typeof t === 'object' && t && 'name' in t ? String(t.name) : '?',
    )
    return `tools=${names.join(', ')}`
  }
  return `${key}=${JSON.stringify(value)}`
}

/**
 * The messages as they were sent (variables filled in, a case's conversation turns in place, and in a tool
 * loop the first step's messages) and the params, as plain text.
 */
export function RequestView({ request }: { request: RunResult['request'] }) {
  const params = Object.entries(request.params)
  return (
    <section className="result-request" data-testid="result-request" aria-label="Request">
      <h4>Request</h4>
      <ChatMessageList messages={request.messages} />
      <p className="request-params">
        <span className="muted">Params: </span>
        {params.length === 0 ? 'provider defaults' : <code>{params.map(paramText).join(' · ')}</code>}
      </p>
    </section>
  )
}
