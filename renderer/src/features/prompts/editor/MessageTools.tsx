interface Props {
  index: number
  count: number
  canRemove: boolean
  onMove: (index: number, delta: -1 | 1) => void
  onRemove: (index: number) => void
}

/** Move up, move down and remove, for a message or the conversation placeholder alike. */
export function MessageTools({ index, count, canRemove, onMove, onRemove }: Props) {
  return (
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
        title={canRemove ? 'Remove this message' : 'A version needs at least one message with text'}
        data-testid={`message-remove-${index}`}
        disabled={!canRemove}
        onClick={() => onRemove(index)}
      >
        ×
      </button>
    </span>
  )
}
