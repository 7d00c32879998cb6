import { useEffect } from 'react'
import { useCatalog, useQueues, useRubrics, useRuns } from '../../stores/hooks'
import { selectRubricsActions } from '../../stores/scoring/selectors'
import { selectDialogOpen, selectQueuesActions, selectSelectedQueue } from '../../stores/review/selectors'
import { selectCatalogActions, selectRunsActions } from '../../stores/runs/selectors'
import { QueueDetail } from './QueueDetail'
import { QueueDialog } from './dialog/QueueDialog'
import { QueueList } from './QueueList'

/** Human review: queues on the left; on the right the open queue (review one item at a time, or its report). */
export function ReviewScreen() {
  const queue = useQueues(selectSelectedQueue)
  const dialogOpen = useQueues(selectDialogOpen)
  useScreenData()

  return (
    <div className="review-screen" data-testid="review-screen">
      <aside className="review-sidebar" aria-label="Review queues">
        <QueueList />
      </aside>
      <section className="review-pane" aria-label="Queue">
        {queue ? (
          <QueueDetail key={queue.id} queue={queue} />
        ) : (
          <p className="muted pane-hint">Select a queue to review its items or see its agreement report.</p>
        )}
      </section>
      {dialogOpen ? <QueueDialog /> : null}
    </div>
  )
}

/** Queues and reviewers; runs, rubrics and version labels for the new-queue dialog. */
function useScreenData(): void {
  const queues = useQueues(selectQueuesActions)
  const runs = useRuns(selectRunsActions)
  const rubrics = useRubrics(selectRubricsActions)
  const catalog = useCatalog(selectCatalogActions)
  useEffect(() => {
    void queues.ensureLoaded()
    void runs.ensureLoaded()
    void rubrics.ensureLoaded()
    void catalog.ensureLoaded()
  }, [queues, runs, rubrics, catalog])
}
