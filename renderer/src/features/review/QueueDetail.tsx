import type { Queue } from '../../../../shared/domain/review'
import { useQueues, useSession } from '../../stores/hooks'
import { selectQueuesActions, selectQueueTab, selectSessionQueueId } from '../../stores/review/selectors'
import { ReviewView } from './item/ReviewView'
import { PackControls } from './packs/PackControls'
import { ReportTab } from './report/ReportTab'
import { ReviewStart } from './ReviewStart'

/** One queue: who reviews and how far they are; the review tab (score items) and the report tab. */
export function QueueDetail({ queue }: { queue: Queue }) {
  const tab = useQueues(selectQueueTab)
  const { setTab } = useQueues(selectQueuesActions)
  const sessionQueue = useSession(selectSessionQueueId)

  return (
    <div className="queue-detail" data-testid="queue-detail" data-queue-id={queue.id}>
      <header className="queue-head">
        <div>
          <h2>{queue.name}</h2>
          <p className="muted">
            {queue.items} items · {queue.rubric.name} v{queue.rubric.version} ·{' '}
            {queue.mode === 'pairwise' ? 'pairwise' : 'single output'} · {queue.reviewersPerItem} per item ·{' '}
            {queue.blind ? 'blind' : 'not blind'}
            {queue.origin === 'imported' ? ' · imported pack' : ''}
          </p>
        </div>
        <PackControls />
      </header>
      <div className="tabs" role="tablist" aria-label="Queue">
        <button
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab === 'review'}
          data-testid="queue-tab-review"
          onClick={() => setTab('review')}
        >
          Review
        </button>
        <button
          type="button"
          role="tab"
          className="tab"
          aria-selected={tab === 'report'}
          data-testid="queue-tab-report"
          onClick={() => setTab('report')}
        >
          Report
        </button>
      </div>
      {tab === 'report' ? <ReportTab queue={queue} /> : null}
      {/* The reviewer picker stays above the review view: another reviewer can take over on this machine. */}
      {tab === 'review' ? <ReviewStart queue={queue} reviewing={sessionQueue === queue.id} /> : null}
      {tab === 'review' && sessionQueue === queue.id ? <ReviewView queue={queue} /> : null}
    </div>
  )
}
