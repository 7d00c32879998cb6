import { useMemo } from 'react'
import type { PromptMessage, PromptVersion } from '../../../../../shared/domain/prompts'
import { canonicalJsonPretty } from '../../../../../shared/lib/canonical-json'
import { DiffEditor } from '../../../lib/monaco'
import { roleLabels } from '../params-summary'
import { messagePairs, type MessagePair } from './message-pairs'
import { paramDiff } from './param-diff'
import { ParamsDiffTable } from './ParamsDiffTable'
import { ToolDiffs } from './ToolDiffs'

/** What changed between two versions: model and params as a table, then one diff per message. */
export function DiffView({ left, right }: { left: PromptVersion; right: PromptVersion }) {
  const rows = useMemo(() => paramDiff(left, right), [left, right])
  const pairs = useMemo(() => messagePairs(left.messages, right.messages), [left, right])
  const schemaChanged = rows.some((r) => r.field === 'schema' && r.changed)
  const l = `v${left.number}`
  const r = `v${right.number}`

  return (
    <div className="diff-view" data-testid="diff-view" data-left={left.number} data-right={right.number}>
      <ParamsDiffTable rows={rows} leftLabel={l} rightLabel={r} />
      {schemaChanged ? (
        <section className="diff-message" data-testid="diff-schema">
          <h3>JSON schema</h3>
          <DiffEditor
            original={schemaText(left)}
            modified={schemaText(right)}
            language="plaintext"
            ariaLabel={`JSON schema: ${l} against ${r}`}
          />
        </section>
      ) : null}
      {pairs.map((pair) => (
        <MessageDiff key={pair.index} pair={pair} leftLabel={l} rightLabel={r} />
      ))}
      <ToolDiffs left={left} right={right} />
    </div>
  )
}

function MessageDiff({
  pair,
  leftLabel,
  rightLabel,
}: {
  pair: MessagePair
  leftLabel: string
  rightLabel: string
}) {
  const { index, before, after, status } = pair
  const roleChange =
    before && after && before.role !== after.role
      ? `${roleLabels[before.role]} → ${roleLabels[after.role]}`
      : roleLabels[(after ?? before)?.role ?? 'user']
  const note =
    status === 'added'
      ? `added in ${rightLabel}`
      : status === 'removed'
        ? `removed in ${rightLabel}`
        : status === 'same'
          ? 'unchanged'
          : 'changed'
  return (
    <section className="diff-message" data-testid={`diff-message-${index}`} data-status={status}>
      <h3>
        Message {index + 1} · {roleChange} <span className={`diff-status ${status}`}>{note}</span>
      </h3>
      {isPlaceholder(before) && isPlaceholder(after) ? (
        <p className="conversation-placeholder">The case&apos;s conversation goes here.</p>
      ) : (
        <DiffEditor
          original={before?.content ?? ''}
          modified={after?.content ?? ''}
          ariaLabel={`Message ${index + 1}: ${leftLabel} against ${rightLabel}`}
        />
      )}
    </section>
  )
}

/** A missing side counts as a placeholder, so an added or removed placeholder shows no empty diff. */
function isPlaceholder(message: PromptMessage | null): boolean {
  return message === null || message.role === 'conversation'
}

function schemaText(v: PromptVersion): string {
  const format = v.params.responseFormat
  return format?.type === 'json_schema' ? canonicalJsonPretty(format.schema) : ''
}
