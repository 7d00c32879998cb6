import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { tableColumns } from '../../../stores/datasets/case-fields'
import { useCaseTablePages } from '../../../queries/case-pages'
import {
  selectActiveColumn,
  selectActiveRow,
  selectCaseQuery,
  selectCellEdit,
  selectSelection,
  selectVarNames,
} from '../../../stores/datasets/selectors'
import { useCaseEdit, useCaseTable } from '../../../stores/hooks'
import type { CaseCommands } from '../toolbar/use-case-commands'
import { CaseRow } from './CaseRow'
import { rowHeight, tableLayout } from './layout'
import { TableEmpty } from './TableEmpty'
import { TableHeader } from './TableHeader'
import { useTableKeys } from './use-table-keys'
import { useTablePointer } from './use-table-pointer'

/**
 * The cases of the open dataset as a virtualized grid: fixed-height rows, only the visible ones (plus
 * overscan) in the DOM, fetched 500 at a time as they scroll into view.
 */
export function CaseTable({ commands }: { commands: CaseCommands }) {
  const query = useCaseTable(selectCaseQuery)
  const varNames = useCaseTable(selectVarNames)
  const selection = useCaseTable(selectSelection)
  const active = useCaseTable(selectActiveRow)
  const activeColumn = useCaseTable(selectActiveColumn)
  const queryKey = useCaseTable((s) => s.key)
  const [range, setRange] = useState({ first: 0, last: 0 })
  const view = useCaseTablePages(query, range.first, range.last)
  const cell = useCaseEdit(selectCellEdit)
  const scroller = useRef<HTMLDivElement>(null)
  const columns = useMemo(() => tableColumns(varNames), [varNames])
  const layout = useMemo(() => tableLayout(columns), [columns])
  const total = view.total ?? 0

  // The virtualizer is one stable object read afresh on every render; nothing memoised caches its results.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    paddingStart: rowHeight,
    scrollPaddingStart: rowHeight,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0

  // The pages asked for follow the rows in view (the first render has no items yet).
  useEffect(() => {
    setRange((r) => (r.first === first && r.last === last ? r : { first, last }))
  }, [first, last])

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 })
  }, [queryKey])

  const onKeyDown = useTableKeys({ columns, total, virtualizer, scroller, commands })
  const pointer = useTablePointer()

  return (
    <div className="case-table-wrap">
      {view.error ? (
        <ErrorNotice title="Could not load cases" error={view.error} testId="cases-error" />
      ) : null}
      <div
        ref={scroller}
        className="case-scroller"
        data-testid="case-table"
        data-total={view.total ?? undefined}
        role="grid"
        aria-label="Cases"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        tabIndex={0}
        onKeyDown={onKeyDown}
        onClick={pointer.onClick}
        onDoubleClick={pointer.onDoubleClick}
      >
        <div className="case-canvas" style={{ ...layout.style, height: virtualizer.getTotalSize() }}>
          <TableHeader columns={columns} />
          {items.map((item) => {
            const row = view.rowAt(item.index)
            const isActive = item.index === active
            return (
              <CaseRow
                key={item.index}
                index={item.index}
                start={item.start}
                row={row}
                columns={columns}
                selected={row ? selection.ids.has(row.id) : false}
                activeColumn={isActive ? activeColumn : null}
                edit={cell && row && cell.row.id === row.id ? cell : null}
              />
            )
          })}
        </div>
        {view.total === 0 ? <TableEmpty /> : null}
      </div>
    </div>
  )
}
