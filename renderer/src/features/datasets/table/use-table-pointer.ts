import { useCallback, type MouseEvent } from 'react'
import { useCaseGridStores } from '../../../stores/hooks'

function hit(event: MouseEvent) {
  const target = event.target as HTMLElement
  const rowEl = target.closest<HTMLElement>('[data-index]')
  if (!rowEl || target.closest('[data-testid="cell-editor"]')) return null
  return {
    index: Number(rowEl.dataset.index),
    column: target.closest<HTMLElement>('[data-column]')?.dataset.column,
    onCheckbox: target.closest('[data-testid="case-select"]') !== null,
  }
}

/**
 * Clicks on the grid, handled once for all rows: a checkbox toggles (Shift: a range from the last one);
 * a cell becomes active (Ctrl/Cmd toggles its row, Shift extends); a double-click edits the cell.
 */
export function useTablePointer() {
  const { caseTable, caseEdit } = useCaseGridStores()

  const onClick = useCallback(
    (event: MouseEvent) => {
      const at = hit(event)
      if (!at) return
      const { actions, selection, active } = caseTable.getState()
      if (at.onCheckbox) {
        void actions.clickSelect(at.index, { shift: event.shiftKey })
        return
      }
      if (event.shiftKey) void actions.selectRange(selection.anchor ?? active, at.index)
      else if (event.ctrlKey || event.metaKey) void actions.clickSelect(at.index)
      actions.setActive(at.index, at.column)
    },
    [caseTable],
  )

  const onDoubleClick = useCallback(
    (event: MouseEvent) => {
      const at = hit(event)
      if (!at || at.onCheckbox || !at.column) return
      const row = caseTable.getState().actions.rowAt(at.index)
      if (row) caseEdit.getState().actions.startCell(row, at.index, at.column)
    },
    [caseTable, caseEdit],
  )

  return { onClick, onDoubleClick }
}
