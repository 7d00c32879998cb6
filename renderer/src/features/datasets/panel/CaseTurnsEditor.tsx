import { conversationRoles, type ConversationTurn } from '../../../../../shared/domain/conversation'

interface Props {
  turns: readonly ConversationTurn[]
  onChange: (turns: ConversationTurn[]) => void
}

/**
 * The case's conversation, one turn per row: its role and its text (plain text in a textarea, never markup).
 * Turns can be added, moved and removed; with none left the case is single-turn again.
 */
export function CaseTurnsEditor({ turns, onChange }: Props) {
  const update = (index: number, patch: Partial<ConversationTurn>) =>
    onChange(turns.map((t, i) => (i === index ? { ...t, ...patch } : t)))
  const move = (from: number, to: number) => {
    const next = [...turns]
    const [moved] = next.splice(from, 1)
    if (moved) next.splice(to, 0, moved)
    onChange(next)
  }
  return (
    <fieldset className="case-turns" data-testid="case-panel-turns">
      <legend>Conversation</legend>
      {turns.length === 0 ? (
        <p className="muted">Single-turn case: no conversation turns.</p>
      ) : (
        <p className="muted">
          Placed at the prompt version&apos;s conversation placeholder; {'{{variables}}'} work inside turns.
        </p>
      )}
      {turns.map((turn, index) => (
        <div key={index} className="case-turn" data-testid="case-panel-turn" data-role={turn.role}>
          <div className="case-var-head">
            <span className="muted">Turn {index + 1}</span>
            <select
              aria-label={`Role of turn ${index + 1}`}
              data-testid="case-panel-turn-role"
              value={turn.role}
              onChange={(e) => update(index, { role: roleOf(e.target.value) })}
            >
              {conversationRoles.map((role) => (
                <option key={role} value={role}>
                  {role}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move turn ${index + 1} up`}
              disabled={index === 0}
              onClick={() => move(index, index - 1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove turn ${index + 1}`}
              data-testid="case-panel-turn-remove"
              onClick={() => onChange(turns.filter((_, i) => i !== index))}
            >
              ×
            </button>
          </div>
          <textarea
            aria-label={`Text of turn ${index + 1}`}
            data-testid="case-panel-turn-content"
            rows={Math.min(8, Math.max(2, turn.content.split('\n').length))}
            value={turn.content}
            onChange={(e) => update(index, { content: e.target.value })}
          />
        </div>
      ))}
      <button
        type="button"
        className="link-button"
        data-testid="case-panel-add-turn"
        onClick={() => onChange([...turns, { role: nextRole(turns), content: '' }])}
      >
        Add turn
      </button>
    </fieldset>
  )
}

function roleOf(value: string): ConversationTurn['role'] {
  return conversationRoles.find((r) => r === value) ?? 'user'
}

/** Users and assistants take turns: a new turn answers the last one. */
function nextRole(turns: readonly ConversationTurn[]): ConversationTurn['role'] {
  return turns.at(-1)?.role === 'user' ? 'assistant' : 'user'
}
