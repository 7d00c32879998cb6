import type { PromptMessage } from '../../../../../shared/domain/prompts'
import * as drafts from '../../../stores/prompts/draft'
import { AddMessage } from '../editor/AddMessage'
import { roleLabels } from '../params-summary'

interface Props {
  messages: PromptMessage[]
  onChange: (fn: (draft: drafts.Draft) => drafts.Draft) => void
}

/** The first version's messages as plain text areas (`{{variables}}` are highlighted once saved). */
export function NewPromptMessages({ messages, onChange }: Props) {
  return (
    <fieldset className="new-messages">
      <legend>Messages</legend>
      {messages.map((m, i) => (
        <div key={i} className="new-message">
          <div className="new-message-head">
            <select
              aria-label={`Role of message ${i + 1}`}
              data-testid={`new-prompt-role-${i}`}
              value={m.role}
              onChange={(e) => onChange((d) => drafts.setRole(d, i, e.target.value as drafts.TextRole))}
            >
              {drafts.textRoles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
            {messages.length > 1 ? (
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove message ${i + 1}`}
                onClick={() => onChange((d) => drafts.removeMessage(d, i))}
              >
                ×
              </button>
            ) : null}
          </div>
          <textarea
            className="mono-input"
            aria-label={`${roleLabels[m.role]} message ${i + 1}`}
            data-testid={`new-prompt-message-${i}`}
            rows={i === 0 ? 5 : 3}
            spellCheck={false}
            placeholder={
              i === 0
                ? 'You are… (use {{variable}} for values filled per case, {{case.key}} for its key)'
                : ''
            }
            value={m.content}
            onChange={(e) => onChange((d) => drafts.setContent(d, i, e.target.value))}
          />
        </div>
      ))}
      <AddMessage
        last={messages.at(-1)?.role}
        onAdd={(role) => onChange((d) => drafts.addMessage(d, role))}
        testId="new-prompt-add-message"
      />
    </fieldset>
  )
}
