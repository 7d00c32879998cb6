import { selectCaseTableActions, selectIsFiltered } from '../../../stores/datasets/selectors'
import { useCaseTable } from '../../../stores/hooks'

/** No rows: either nothing matches the filters, or the dataset has no cases yet. Say what to do next. */
export function TableEmpty() {
  const filtered = useCaseTable(selectIsFiltered)
  const { clearFilters } = useCaseTable(selectCaseTableActions)
  return (
    <div className="case-empty" data-testid="cases-empty">
      {filtered ? (
        <p>
          No case matches this search and these tags.{' '}
          <button type="button" className="link-button" data-testid="clear-filters" onClick={clearFilters}>
            Clear the filters
          </button>
        </p>
      ) : (
        <p>
          This dataset has no cases yet. <strong>Add case</strong> to write one, or <strong>Import…</strong> a
          CSV, JSONL or promptfoo file into it.
        </p>
      )}
    </div>
  )
}
