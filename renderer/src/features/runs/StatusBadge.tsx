import type { RunStatus } from '../../../../shared/domain/runs'

/** A run's status as a coloured badge; the text is the status itself, so tests and people read the same. */
export function StatusBadge({ status, testId }: { status: RunStatus; testId?: string }) {
  return (
    <span className="run-status-badge" data-status={status} data-testid={testId}>
      {status}
    </span>
  )
}
