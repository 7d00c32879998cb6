import { columnLabel } from '../../../stores/datasets/case-fields'

/** Column names, sticky above the scrolling rows. */
export function TableHeader({ columns }: { columns: readonly string[] }) {
  return (
    <div className="case-row case-head" role="row" aria-rowindex={1}>
      <div role="columnheader" className="case-check">
        <span className="sr-only">Selected</span>
      </div>
      {columns.map((column) => (
        <div key={column} role="columnheader" className="case-cell" data-head-column={column} title={column}>
          {column.startsWith('var:') ? <span className="var-mark">{'{{ }}'}</span> : null}
          {columnLabel(column)}
        </div>
      ))}
    </div>
  )
}
