import type { ChatMessage } from '../../../shared/domain/conversation'
import { prettyArguments } from '../../../shared/lib/tool-call-text'

/** A tool call as any screen has it: a result's (with its id) or a review item's (name and arguments only). */
export interface ShownToolCall {
  id?: string
  name: string
  arguments: string
}

/**
 * The calls of an answer, in order: each tool's name and its arguments, pretty-printed when they are JSON and
 * exactly as the model wrote them when they are not. Text nodes only: arguments are model output.
 */
export function ToolCallList({ calls, testId }: { calls: readonly ShownToolCall[]; testId: string }) {
  return (
    <ol className="tool-calls" data-testid={testId}>
      {calls.map((call, i) => {
        const args = prettyArguments(call.arguments)
        return (
          <li key={i} className="tool-call" data-tool={call.name} data-json={args.json ? 'true' : 'false'}>
            <code className="tool-name">{call.name}</code>
            {call.id ? <span className="muted tool-call-id"> {call.id}</span> : null}
            {args.json ? null : <span className="field-error"> arguments are not JSON (shown as sent)</span>}
            <pre className="result-text tool-arguments" tabIndex={0}>
              {args.text === '' ? '(no arguments)' : args.text}
            </pre>
          </li>
        )
      })}
    </ol>
  )
}

/** Messages exactly as sent: role, the tool a result answers, the calls an assistant turn made. */
export function ChatMessageList({ messages, testId }: { messages: readonly ChatMessage[]; testId?: string }) {
  return (
    <ol className="request-messages" data-testid={testId}>
      {messages.map((m, i) => (
        <li key={i} data-role={m.role}>
          <span className={`message-role role-${m.role}`}>{m.role}</span>
          {m.role === 'tool' ? (
            <span className="muted">
              {' '}
              result of <code>{m.name}</code> ({m.toolCallId})
            </span>
          ) : null}
          {m.content !== '' || m.role !== 'assistant' ? (
            <pre className="result-text" tabIndex={0}>
              {m.content}
            </pre>
          ) : null}
          {m.role === 'assistant' && m.toolCalls && m.toolCalls.length > 0 ? (
            <ToolCallList calls={m.toolCalls} testId={`message-tool-calls-${i}`} />
          ) : null}
        </li>
      ))}
    </ol>
  )
}
