import type { ReviewItem } from '../../../../../shared/domain/review'
import { identityLabel } from '../../../../../shared/lib/model-identity'
import { ToolCallList } from '../../../components/ToolCallList'
import { outputText, valueText } from '../../../stores/review/output-text'

type Output = ReviewItem['outputs'][number]

/** The case's input variables, each labelled, as plain text. */
export function InputPanel({ input }: { input: ReviewItem['input'] }) {
  const entries = Object.entries(input)
  return (
    <section className="review-panel" data-testid="review-input" aria-label="Input">
      <h3>Input</h3>
      {entries.length === 0 ? <p className="muted">No input variables.</p> : null}
      <dl className="review-vars">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <pre className="review-text">{valueText(value)}</pre>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const sideTitles: Record<Output['side'], string> = { output: 'Output', a: 'A', b: 'B' }

/**
 * One output as text (JSON pretty-printed). Rendered as a text node only: an output containing markup is
 * shown as the characters it is, never interpreted. Model and version appear only when the queue is not blind.
 */
export function OutputPanel({ output }: { output: Output }) {
  const testId = output.side === 'output' ? 'review-output' : `review-output-${output.side}`
  const version = output.promptVersionNumber === null ? '' : `v${output.promptVersionNumber} · `
  const source =
    output.modelId !== null
      ? `${version}${identityLabel({ provider: output.provider, modelId: output.modelId })}`
      : null
  return (
    <section className="review-panel" data-testid={testId} aria-label={sideTitles[output.side]}>
      <h3>
        {sideTitles[output.side]}
        {source ? <span className="muted review-source"> {source}</span> : null}
      </h3>
      {output.error ? <p className="field-error">Error: {output.error}</p> : null}
      {output.text === '' && output.toolCalls.length > 0 ? null : (
        <pre className="review-text">{output.text === null ? '(no output)' : outputText(output.text)}</pre>
      )}
      {output.toolCalls.length > 0 ? (
        <>
          <h4>Tool calls ({output.toolCalls.length})</h4>
          <ToolCallList calls={output.toolCalls} testId={`${testId}-tool-calls`} />
        </>
      ) : null}
    </section>
  )
}

/** The case's conversation turns, in order, each with its role, as plain text; nothing for a single-turn case. */
export function ConversationPanel({ turns }: { turns: ReviewItem['conversation'] }) {
  if (turns.length === 0) return null
  return (
    <section className="review-panel" data-testid="review-conversation" aria-label="Conversation">
      <h3>Conversation ({turns.length === 1 ? '1 turn' : `${turns.length} turns`})</h3>
      <ol className="request-messages">
        {turns.map((t, i) => (
          <li key={i} data-role={t.role}>
            <span className={`message-role role-${t.role}`}>{t.role}</span>
            <pre className="review-text">{t.content}</pre>
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The expected fields, folded away by default so they do not anchor the reviewer. */
export function ExpectedPanel({ expected }: { expected: ReviewItem['expected'] }) {
  const entries = Object.entries(expected)
  if (entries.length === 0) return null
  return (
    <details className="review-expected" data-testid="review-expected">
      <summary>Expected ({entries.length})</summary>
      <dl className="review-vars">
        {entries.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <pre className="review-text">{valueText(value)}</pre>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  )
}
