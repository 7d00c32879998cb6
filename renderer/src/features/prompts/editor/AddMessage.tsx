import { useState } from 'react'
import type { PromptMessage } from '../../../../../shared/domain/prompts'
import { textRoles, type TextRole } from '../../../stores/prompts/draft'
import { roleLabels } from '../params-summary'

interface Props {
  last: PromptMessage['role'] | undefined
  onAdd: (role: TextRole) => void
  testId: string
  /** Adds the conversation placeholder; absent where it cannot be added (the create dialog). */
  onAddPlaceholder?: (() => void) | undefined
  hasPlaceholder?: boolean
}

/** Appends an empty message; the role defaults to the one a conversation usually needs next. */
export function AddMessage({ last, onAdd, testId, onAddPlaceholder, hasPlaceholder = false }: Props) {
  const [role, setRole] = useState<TextRole | null>(null)
  const shown: TextRole = role ?? (last === 'user' ? 'assistant' : 'user')
  return (
    <div className="add-message">
      <select
        aria-label="Role of the new message"
        value={shown}
        onChange={(e) => setRole(e.target.value as TextRole)}
      >
        {textRoles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <button type="button" className="button" data-testid={testId} onClick={() => onAdd(shown)}>
        Add message
      </button>
      {onAddPlaceholder ? (
        <button
          type="button"
          className="button"
          data-testid="add-placeholder"
          disabled={hasPlaceholder}
          title={
            hasPlaceholder
              ? 'This version has its conversation placeholder already (one at most)'
              : "Where a conversation case's turns go; added after the system messages, move it as you like"
          }
          onClick={onAddPlaceholder}
        >
          Add conversation placeholder
        </button>
      ) : null}
    </div>
  )
}
