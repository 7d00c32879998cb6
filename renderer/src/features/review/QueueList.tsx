import { EmptyState } from '../../components/EmptyState'
import { ErrorNotice } from '../../components/ErrorNotice'
import { useQueueList } from '../../queries/queues'
import { useQueues } from '../../stores/hooks'
import { progressText, selectQueuesActions, selectSelectedQueueId } from '../../stores/review/selectors'
import { ImportPackButton } from './packs/PackControls'

/** Every queue, newest first, with each reviewer's progress; new queue and pack import on top. */
export function QueueList() {
  const { queues, query, error } = useQueueList()
  const selectedId = useQueues(selectSelectedQueueId)
  const { select, openDialog } = useQueues(selectQueuesActions)

  let body
  if (!query.isSuccess && queues.length === 0) {
    body = error ? null : <p className="muted">Loading queues…</p>
  } else if (queues.length === 0) {
    body = (
      <EmptyState title="No review queues yet" testId="queues-empty">
        <p>Create a queue from a run: pick the run, a rubric and who reviews.</p>
        <p>Reviewers then score one output at a time from the keyboard; their scores join the run summary.</p>
      </EmptyState>
    )
  } else {
    body = (
      <ul className="queue-list" aria-label="Review queues, newest first">
        {queues.map((queue) => (
          <li key={queue.id}>
            <button
              type="button"
              className="queue-row"
              data-testid="queue-row"
              data-queue-id={queue.id}
              aria-current={selectedId === queue.id ? 'true' : undefined}
              onClick={() => select(queue.id)}
            >
              <span className="queue-name">{queue.name}</span>
              <span className="badge">{queue.mode === 'pairwise' ? 'Pairwise' : 'Single'}</span>
              <span className="muted queue-progress">
                {queue.items} items · {progressText(queue)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    )
  }

  return (
    <section className="queues-list" aria-busy={query.isFetching}>
      <div className="toolbar sidebar-toolbar">
        <button type="button" className="button primary small" data-testid="queue-new" onClick={openDialog}>
          New queue
        </button>
        <ImportPackButton />
      </div>
      {error ? <ErrorNotice title="Could not load queues" error={error} testId="queues-error" /> : null}
      {body}
    </section>
  )
}
