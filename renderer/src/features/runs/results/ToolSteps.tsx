import type { ToolStep } from '../../../../../shared/domain/conversation'
import { ChatMessageList, ToolCallList } from '../../../components/ToolCallList'
import { formatUsd } from '../../../components/format'

const ms = (n: number | null) => (n === null ? '—' : `${Math.round(n).toLocaleString()} ms`)

/**
 * Each model call of a tool loop: what it answered (text and tool calls), the canned results sent back, its
 * tokens, cost and latency; the messages it was sent fold away (each step resends the whole conversation).
 */
export function ToolSteps({ steps }: { steps: readonly ToolStep[] }) {
  return (
    <section className="tool-steps" data-testid="result-steps" aria-label="Tool loop steps">
      <h4>Tool loop · {steps.length === 1 ? '1 step' : `${steps.length} steps`}</h4>
      <ol>
        {steps.map((s) => (
          <li key={s.step} data-testid={`result-step-${s.step}`}>
            <p className="step-facts">
              <strong>Step {s.step + 1}</strong> · {s.inputTokens.toLocaleString()} in /{' '}
              {s.outputTokens.toLocaleString()} out ·{' '}
              {s.costUsd === null ? 'cost unknown' : formatUsd(s.costUsd)} · {ms(s.totalMs)}
              {s.finishReason ? ` · ${s.finishReason}` : ''}
            </p>
            {s.text !== '' ? <pre className="result-text">{s.text}</pre> : null}
            {s.toolCalls.length > 0 ? (
              <ToolCallList calls={s.toolCalls} testId={`result-step-${s.step}-calls`} />
            ) : null}
            {s.toolResults.length > 0 ? (
              <ul className="step-tool-results">
                {s.toolResults.map((r) => (
                  <li key={r.toolCallId}>
                    <span className="muted">
                      canned result of <code>{r.name}</code> ({r.toolCallId})
                    </span>
                    <pre className="result-text">{r.content}</pre>
                  </li>
                ))}
              </ul>
            ) : null}
            <details>
              <summary>Messages sent ({s.messages.length})</summary>
              <ChatMessageList messages={s.messages} />
            </details>
          </li>
        ))}
      </ol>
    </section>
  )
}
