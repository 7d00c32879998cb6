import { messageRoles, type PromptMessage } from '../../../../../shared/domain/prompts'
import { TextEditor } from '../../../lib/monaco'
import { roleLabels } from '../params-summary'

export interface MessageEditActions {
  onChange: (index: number, content: string) => void
  onRole: (index: number, role: PromptMessage['role']) => void
  onMove: (index: number, delta: -1 | 1) => void
  onRemove: (index: number) => void
}

interface Props extends MessageEditActions {
  index: number
  count: number
  message: PromptMessage
  readOnly: boolean
}

/** One message of a version: its role and its text in the editor (text only, never rendered as HTML). */
export function MessageEditor({
  index,
  count,
  message,
  readOnly,
  onChange,
  onRole,
  onMove,
  onRemove,
}: Props) {
  const label = `${roleLabels[message.role]} message`
  return (
    <div className="message" data-testid={`message-${index}`} data-role={message.role}>
      <div className={`message-role role-${message.role}`}>
        {readOnly ? (
          roleLabels[message.role]
        ) : (
          <>
            <select
              className="role-select"
              aria-label={`Role of message ${index + 1}`}
              data-testid={`message-role-${index}`}
              value={message.role}
              onChange={(e) => onRole(index, e.target.value as PromptMessage['role'])}
            >
              {messageRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
            <span className="message-tools">
              <button
                type="button"
                className="icon-button"
                aria-label={`Move message ${index + 1} up`}
                data-testid={`message-up-${index}`}
                disabled={index === 0}
                onClick={() => onMove(index, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move message ${index + 1} down`}
                data-testid={`message-down-${index}`}
                disabled={index === count - 1}
                onClick={() => onMove(index, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove message ${index + 1}`}
                title={count === 1 ? 'A version needs at least one message' : 'Remove this message'}
                data-testid={`message-remove-${index}`}
                disabled={count === 1}
                onClick={() => onRemove(index)}
              >
                ×
              </button>
            </span>
          </>
        )}
      </div>
      <div className="message-editor" data-testid={`message-editor-${index}`}>
        <TextEditor
          value={message.content}
          readOnly={readOnly}
          ariaLabel={`${label} ${index + 1}`}
          onChange={(content) => onChange(index, content)}
        />
      </div>
    </div>
  )
}
