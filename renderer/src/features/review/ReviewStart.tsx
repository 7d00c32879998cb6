import { useState } from 'react'
import type { Queue } from '../../../../shared/domain/review'
import { Field } from '../../components/Field'
import { useSession } from '../../stores/hooks'
import { reviewedCriteria, selectSessionActions } from '../../stores/review/selectors'
import { rememberedReviewer, rememberReviewer } from '../../stores/review/session-logic'

/** Picks who is reviewing (remembered per queue) and opens the one-item-at-a-time review view. */
export function ReviewStart({ queue, reviewing }: { queue: Queue; reviewing: boolean }) {
  const { start } = useSession(selectSessionActions)
  const reviewers = queue.progress
  const [reviewerId, setReviewerId] = useState(() => {
    const remembered = rememberedReviewer(queue.id)
    return reviewers.some((r) => r.reviewerId === remembered)
      ? (remembered ?? '')
      : (reviewers[0]?.reviewerId ?? '')
  })
  const mine = reviewers.find((r) => r.reviewerId === reviewerId)

  function onStart(): void {
    if (!reviewerId) return
    rememberReviewer(queue.id, reviewerId)
    void start(
      queue.id,
      reviewerId,
      reviewedCriteria(queue).map((c) => c.key),
    )
  }

  return (
    <section className="review-start">
      <Field label="Review as">
        <select data-testid="review-as" value={reviewerId} onChange={(e) => setReviewerId(e.target.value)}>
          {reviewers.map((r) => (
            <option key={r.reviewerId} value={r.reviewerId}>
              {r.reviewerName}
            </option>
          ))}
        </select>
      </Field>
      {mine ? (
        <p className="muted">
          {mine.done} of {mine.assigned} done{mine.skipped ? `, ${mine.skipped} skipped` : ''}.
        </p>
      ) : null}
      <button
        type="button"
        className="button primary"
        data-testid="review-start"
        disabled={!reviewerId}
        onClick={onStart}
      >
        {mine && mine.done + mine.skipped > 0 ? 'Continue reviewing' : 'Start reviewing'}
      </button>
      {reviewing ? null : (
        <p className="muted">
          One item at a time. Press <kbd>?</kbd> in the review for the keyboard shortcuts.
          {queue.blind ? ' Blind: you will not see which model or prompt version wrote an output.' : ''}
        </p>
      )}
    </section>
  )
}
