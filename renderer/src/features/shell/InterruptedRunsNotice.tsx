import { useInterruptedRuns } from '../../queries/runs'
import { useRuns } from '../../stores/hooks'
import { selectDismissedOffer } from '../../stores/runs/selectors'

/** In the header on every screen: runs the last session left interrupted, one click away from resuming. */
export function InterruptedRunsNotice({ onOpen }: { onOpen: () => void }) {
  const count = useInterruptedRuns(useRuns(selectDismissedOffer)).length
  if (count === 0) return null
  return (
    <a
      href="#/runs"
      className="header-notice"
      data-testid="header-resume-notice"
      onClick={(event) => {
        event.preventDefault()
        onOpen()
      }}
    >
      {count === 1 ? '1 run was interrupted' : `${count} runs were interrupted`} — resume in Runs
    </a>
  )
}
