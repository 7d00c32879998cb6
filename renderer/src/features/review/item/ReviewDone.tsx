import type { ReactNode } from 'react'
import type { Queue } from '../../../../../shared/domain/review'
import { useQueues, useSession } from '../../../stores/hooks'
import {
  selectQueuesActions,
  selectSessionActions,
  selectSessionReviewerId,
} from '../../../stores/review/selectors'

/** Nothing pending for this reviewer: what they did, and where to go next. */
export function ReviewDone({ queue, children }: { queue: Queue; children: ReactNode }) {
  const reviewerId = useSession(selectSessionReviewerId)
  const { step, close } = useSession(selectSessionActions)
  const { setTab } = useQueues(selectQueuesActions)
  const mine = queue.progress.find((p) => p.reviewerId === reviewerId)

  return (
    <section className="review-done" data-testid="review-done" role="status">
      <h3>All done</h3>
      <p>
        {mine
          ? `${mine.reviewerName}: ${mine.done} of ${mine.assigned} items scored${mine.skipped ? `, ${mine.skipped} skipped` : ''}.`
          : 'No pending items left.'}
      </p>
      <span className="toolbar">
        <button type="button" className="button small" onClick={() => void step(-1)}>
          Back to the last item <kbd>k</kbd>
        </button>
        <button type="button" className="button small" onClick={() => setTab('report')}>
          See the report
        </button>
        <button type="button" className="button small" onClick={close}>
          Close
        </button>
      </span>
      {children}
    </section>
  )
}
