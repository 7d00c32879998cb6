import type { ConversationTurn } from '../../../../../shared/domain/conversation'
import { turnsText } from '../../../stores/datasets/case-fields'

/** Marks a conversation case in the list; its tooltip reads the turns as plain text. */
export function ConversationBadge({ turns }: { turns: readonly ConversationTurn[] }) {
  return (
    <span
      className="chip conversation-badge"
      data-testid="case-conversation-badge"
      title={turnsText(turns)}
      aria-label={`Conversation of ${turns.length} ${turns.length === 1 ? 'turn' : 'turns'}`}
    >
      {turns.length === 1 ? '1 turn' : `${turns.length} turns`}
    </span>
  )
}
