import { CONVERSATION_PLACEHOLDER_ROLE } from '../../../../../shared/domain/conversation'
import type { PromptMessage } from '../../../../../shared/domain/prompts'
import { TextEditor } from '../../../lib/monaco'
import { textRoles, type TextRole } from '../../../stores/prompts/draft'
import { roleLabels } from '../params-summary'
import { MessageTools } from './MessageTools'

export interface MessageEditActions {
  onChange: (index: number, content: string) => void
  onRole: (index: number, role: TextRole) => void
  onMove: (index: number, delta: -1 | 1) => void
  onRemove: (index: number) => void
}

interface Props extends MessageEditActions {
  index: number
  count: number
  message: PromptMessage
  readOnly: boolean
  /** False for the only message with text: a version needs one. */
  canRemove: boolean
}

/** One message of a version: its role and its text in the editor (text only, never rendered as HTML). */
export function MessageEditor(props: Props) {
  const { index, message, readOnly, onChange, onRole } = props
  if (message.role === CONVERSATION_PLACEHOLDER_ROLE) return <PlaceholderMessage {...props} />
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
              onChange={(e) => onRole(index, e.target.value as TextRole)}
            >
              {textRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
            <MessageTools {...props} />
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

/** The conversation placeholder: no text of its own, a case's turns are sent in its place. */
function PlaceholderMessage(props: Props) {
  const { index, readOnly } = props
  return (
    <div className="message placeholder-message" data-testid={`message-${index}`} data-role="conversation">
      <div className="message-role role-conversation">
        <span>Conversation placeholder</span>
        {readOnly ? null : <MessageTools {...props} />}
      </div>
      <p
        className="conversation-placeholder"
        role="note"
        aria-label={`Conversation placeholder, message ${index + 1}`}
        data-testid={`message-placeholder-${index}`}
      >
        The case&apos;s conversation goes here: each turn of a conversation case is sent in this place, its{' '}
        {'{{variables}}'} filled. Cases without a conversation send nothing here.
      </p>
    </div>
  )
}
