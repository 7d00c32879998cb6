import { useCaseMatchTotal } from '../../../queries/case-pages'
import {
  selectCaseQuery,
  selectCaseTableActions,
  selectSelectedCount,
  selectSelectingAll,
} from '../../../stores/datasets/selectors'
import { useCaseTable } from '../../../stores/hooks'

/** "3 of 1,204 selected", with the matching count when filters narrow the table. */
export function SelectionCount({ total }: { total: number }) {
  const selected = useCaseTable(selectSelectedCount)
  const matching = useCaseMatchTotal(useCaseTable(selectCaseQuery))
  const selectingAll = useCaseTable(selectSelectingAll)
  const { selectAll, clearSelection } = useCaseTable(selectCaseTableActions)
  const shown = matching ?? total
  const narrowed = matching !== null && matching !== total

  return (
    <span className="selection-count" aria-live="polite">
      <span data-testid="selection-count" data-count={selected}>
        {selected > 0 ? `${selected.toLocaleString()} selected` : 'None selected'}
      </span>
      <span className="muted">
        {' · '}
        {narrowed
          ? `${shown.toLocaleString()} of ${total.toLocaleString()} match`
          : `${total.toLocaleString()} cases`}
      </span>
      {selected < shown ? (
        <button
          type="button"
          className="link-button"
          data-testid="select-all"
          disabled={selectingAll.status === 'busy'}
          onClick={() => void selectAll()}
        >
          {selectingAll.status === 'busy' ? 'Selecting…' : `Select all ${shown.toLocaleString()}`}
        </button>
      ) : null}
      {selected > 0 ? (
        <button type="button" className="link-button" data-testid="clear-selection" onClick={clearSelection}>
          Clear
        </button>
      ) : null}
    </span>
  )
}
