import { memo } from 'react'
import type { DatasetCase } from '../../../../../shared/domain/datasets'
import type { CellEdit } from '../../../stores/datasets/case-edit-store'
import { CaseCell } from './CaseCell'

interface Props {
  index: number
  /** Offset from the top of the table, header included. */
  start: number
  /** Null while its page is loading. */
  row: DatasetCase | null
  columns: readonly string[]
  selected: boolean
  /** The active column when this is the active row, else null. */
  activeColumn: string | null
  /** The cell of this row being edited, if any. */
  edit: CellEdit | null
}

/** One case; memoised so scrolling only renders the rows that come into view. */
export const CaseRow = memo(function CaseRow({
  index,
  start,
  row,
  columns,
  selected,
  activeColumn,
  edit,
}: Props) {
  const style = { transform: `translateY(${start}px)` }
  if (!row) {
    return (
      <div
        className="case-row loading"
        role="row"
        data-testid="case-row-loading"
        data-index={index}
        style={style}
      >
        <div className="case-check" role="gridcell" />
        <div className="case-cell placeholder" role="gridcell">
          Loading…
        </div>
      </div>
    )
  }
  return (
    <div
      className="case-row"
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="case-row"
      data-index={index}
      data-case-id={row.id}
      data-case-key={row.key}
      data-selected={selected ? 'true' : 'false'}
      data-active={activeColumn !== null ? 'true' : undefined}
      data-editing={edit ? 'true' : undefined}
      style={style}
    >
      <div className="case-check" role="gridcell">
        <input
          type="checkbox"
          data-testid="case-select"
          aria-label={`Select case ${row.key}`}
          tabIndex={-1}
          checked={selected}
          readOnly
        />
      </div>
      {columns.map((column) => (
        <CaseCell
          key={column}
          row={row}
          column={column}
          active={activeColumn === column}
          edit={edit?.column === column ? edit : null}
        />
      ))}
    </div>
  )
})
