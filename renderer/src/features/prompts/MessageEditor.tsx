import type { PromptMessage } from '../../../../shared/domain/prompts'
import { TextEditor } from '../../lib/monaco'
import { roleLabels } from './params-summary'

interface Props {
  index: number
  message: PromptMessage
  readOnly: boolean
  onChange: (index: number, content: string) => void
}

/** One message of a version: its role and its text in the editor (text only, never rendered as HTML). */
export function MessageEditor({ index, message, readOnly, onChange }: Props) {
  const label = `${roleLabels[message.role]} message`
  return (
    <div className="message" data-testid={`message-${index}`} data-role={message.role}>
      <div className={`message-role role-${message.role}`}>{roleLabels[message.role]}</div>
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
