import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { ErrorNotice } from '../../../components/ErrorNotice'
import { tableColumns } from '../../../stores/datasets/case-fields'
import { rowAt } from '../../../stores/datasets/page-cache'
import {
  selectActiveColumn,
  selectActiveRow,
  selectCaseTableActions,
  selectCasesError,
  selectCellEdit,
  selectCurrentEntry,
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
  const entry = useCaseTable(selectCurrentEntry)
  const varNames = useCaseTable(selectVarNames)
  const selection = useCaseTable(selectSelection)
  const active = useCaseTable(selectActiveRow)
  const activeColumn = useCaseTable(selectActiveColumn)
  const error = useCaseTable(selectCasesError)
  const queryKey = useCaseTable((s) => s.key)
  const { ensureRange } = useCaseTable(selectCaseTableActions)
  const cell = useCaseEdit(selectCellEdit)
  const scroller = useRef<HTMLDivElement>(null)
  const columns = useMemo(() => tableColumns(varNames), [varNames])
  const layout = useMemo(() => tableLayout(columns), [columns])
  const total = entry.total ?? 0

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

  useEffect(() => {
    void ensureRange(first, last)
  }, [ensureRange, first, last, queryKey, entry.total])

  useEffect(() => {
    scroller.current?.scrollTo?.({ top: 0 })
  }, [queryKey])

  const onKeyDown = useTableKeys({ columns, total, virtualizer, scroller, commands })
  const pointer = useTablePointer()

  return (
    <div className="case-table-wrap">
      {error ? <ErrorNotice title="Could not load cases" error={error} testId="cases-error" /> : null}
      <div
        ref={scroller}
        className="case-scroller"
        data-testid="case-table"
        data-total={entry.total ?? undefined}
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
            const row = rowAt(entry, item.index)
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
        {entry.total === 0 ? <TableEmpty /> : null}
      </div>
    </div>
  )
}
