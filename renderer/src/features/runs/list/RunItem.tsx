import { memo } from 'react'
import type { Run } from '../../../../../shared/domain/runs'
import { formatCount } from '../../../components/format'
import { Time } from '../../../components/Time'
import { StatusBadge } from '../StatusBadge'

interface Props {
  run: Run
  current: boolean
  onSelect: (id: string) => void
}

/** One run: name, status, progress and when it was created; memoised so progress re-renders only its row. */
export const RunItem = memo(function RunItem({ run, current, onSelect }: Props) {
  const { done, total, errors } = run.counts
  return (
    <li>
      <button
        type="button"
        className="run-item"
        data-testid="run-row"
        data-run-id={run.id}
        data-status={run.status}
        aria-current={current ? 'true' : undefined}
        onClick={() => onSelect(run.id)}
      >
        <span className="run-item-name">{run.name}</span>
        <span className="run-item-meta">
          <StatusBadge status={run.status} />
          <span className="run-item-count" data-testid="run-row-done">
            {formatCount(done)} / {formatCount(total)}
          </span>
          {errors > 0 ? <span className="run-item-errors">{formatCount(errors)} errors</span> : null}
          <Time iso={run.createdAt} />
        </span>
      </button>
    </li>
  )
})
