import { useState } from 'react'

/** Skipping needs a reason (e.g. "output cut off"); Enter confirms, Esc cancels. */
export function SkipBox({ onSkip, onCancel }: { onSkip: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('')
  return (
    <form
      className="review-skip"
      onSubmit={(e) => {
        e.preventDefault()
        if (reason.trim()) onSkip(reason.trim())
      }}
    >
      <label className="field">
        <span className="field-label">Why skip this item?</span>
        <input
          // The form opens on "s": the reason field takes the focus at once so the reviewer can type.
          autoFocus
          data-testid="review-skip-reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return
            e.preventDefault()
            onCancel()
          }}
        />
      </label>
      <button
        type="submit"
        className="button small"
        data-testid="review-skip-confirm"
        disabled={!reason.trim()}
      >
        Skip <kbd>Enter</kbd>
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        Cancel
      </button>
    </form>
  )
}
