import type { ToolDefinition } from '../../../../../shared/domain/conversation'
import type { Preview } from '../../../../../shared/domain/registry'
import { formatUsd } from '../../../components/format'
import { chatRoleLabel } from '../params-summary'

export { formatUsd }

interface Props {
  result: Preview
  /** The tools the version offers, sent with the messages. */
  tools: readonly ToolDefinition[]
  /** Where the picked case's conversation turns are among the messages. */
  caseTurns: { start: number; count: number } | null
}

/** Rendered messages as text (never HTML), variable problems by name, tokens and cost per call. */
export function PreviewResult({ result, tools, caseTurns }: Props) {
  const fromCase = (i: number) =>
    caseTurns !== null && i >= caseTurns.start && i < caseTurns.start + caseTurns.count
  const { tokens, cost } = result
  return (
    <div className="preview-result">
      <dl className="preview-facts">
        <dt>Input tokens</dt>
        <dd data-testid="preview-tokens" data-exact={tokens.exact ? 'true' : 'false'}>
          {tokens.exact ? '' : '≈ '}
          {tokens.input.toLocaleString()}
          {tokens.exact ? '' : ' (approximate)'} <span className="muted">{tokens.encoding}</span>
        </dd>
        <dt>Cost per call</dt>
        <dd data-testid="preview-cost">
          {cost.perCallUsd === null ? 'unknown' : formatUsd(cost.perCallUsd)}{' '}
          <span className="muted">
            (assumes {cost.assumedOutputTokens.toLocaleString()} output tokens)
            {cost.note ? ` · ${cost.note}` : ''}
          </span>
        </dd>
      </dl>
      <NameList testId="preview-missing" title="Missing values" names={result.missing} tone="warn" />
      <NameList testId="preview-unused" title="Unused values" names={result.unused} tone="muted" />
      {result.errors.length > 0 ? (
        <ul className="preview-errors" data-testid="preview-errors" role="alert">
          {result.errors.map((e, i) => (
            <li key={i}>
              Message {e.messageIndex + 1}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      <ol
        className="preview-messages"
        data-testid="preview-messages"
        tabIndex={0}
        aria-label="Rendered messages"
      >
        {result.messages.map((m, i) => (
          <li key={i} data-role={m.role} data-from-case={fromCase(i) ? 'true' : undefined}>
            <span className={`message-role role-${m.role}`}>{chatRoleLabel(m.role)}</span>
            {fromCase(i) ? <span className="muted"> · turn from the case</span> : null}
            <pre className="preview-text">{m.content}</pre>
          </li>
        ))}
      </ol>
      <PreviewTools tools={tools} />
    </div>
  )
}

/** The tools offered with the call, as the JSON sent (text, never HTML). */
function PreviewTools({ tools }: { tools: readonly ToolDefinition[] }) {
  if (tools.length === 0) return null
  return (
    <section className="preview-tools" data-testid="preview-tools" aria-label="Tools offered">
      <h4>Tools offered ({tools.length})</h4>
      <ul>
        {tools.map((t) => (
          <li key={t.name} data-testid="preview-tool" data-tool={t.name}>
            <code>{t.name}</code>
            {t.description ? <span className="muted"> — {t.description}</span> : null}
            <pre className="preview-text">{JSON.stringify(t.parameters, null, 2)}</pre>
          </li>
        ))}
      </ul>
    </section>
  )
}

function NameList(props: { testId: string; title: string; names: string[]; tone: 'warn' | 'muted' }) {
  if (props.names.length === 0) return null
  return (
    <p className={`name-list ${props.tone}`} data-testid={props.testId}>
      {props.title}:{' '}
      {props.names.map((name, i) => (
        <span key={name}>
          {i > 0 ? ', ' : null}
          <code data-variable={name}>{name}</code>
        </span>
      ))}
    </p>
  )
}
