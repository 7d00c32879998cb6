import { useRunList } from '../../queries/runs'
import { useRubricList } from '../../queries/rubrics'
import { useSelectedQueue } from '../../queries/queues'
import { useQueues } from '../../stores/hooks'
import { selectDialogOpen, selectDialogPreset } from '../../stores/review/selectors'
import { QueueDetail } from './QueueDetail'
import { QueueDialog } from './dialog/QueueDialog'
import { QueueList } from './QueueList'

/** Human review: queues on the left; on the right the open queue (review one item at a time, or its report). */
export function ReviewScreen() {
  const queue = useSelectedQueue()
  const dialogOpen = useQueues(selectDialogOpen)
  const dialogKey = usePresetKey()

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
      {dialogOpen ? <QueueDialog key={dialogKey} /> : null}
    </div>
  )
}

/**
 * A preset (from "Review a sample" on Production) can name a run or rubric the lists have not loaded yet
 * when the dialog opens; the key changes once they arrive, so the dialog starts again with them chosen.
 */
function usePresetKey(): string {
  const preset = useQueues(selectDialogPreset)
  const { runs } = useRunList()
  const runFound = preset !== null && runs.some((r) => r.id === preset.runId)
  const { rubrics } = useRubricList()
  const rubricFound = preset?.rubricId != null && rubrics.some((r) => r.id === preset.rubricId)
  return `${String(runFound)}-${String(rubricFound)}`
}
