import { useState } from 'react'
import { messageRoles, type PromptMessage } from '../../../../../shared/domain/prompts'
import { roleLabels } from '../params-summary'

type Role = PromptMessage['role']

/** Appends an empty message; the role defaults to the one a conversation usually needs next. */
export function AddMessage({
  last,
  onAdd,
  testId,
}: {
  last: Role | undefined
  onAdd: (role: Role) => void
  testId: string
}) {
  const [role, setRole] = useState<Role | null>(null)
  const shown: Role = role ?? (last === 'user' ? 'assistant' : 'user')
  return (
    <div className="add-message">
      <select
        aria-label="Role of the new message"
        value={shown}
        onChange={(e) => setRole(e.target.value as Role)}
      >
        {messageRoles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
      <button type="button" className="button" data-testid={testId} onClick={() => onAdd(shown)}>
        Add message
      </button>
    </div>
  )
}
