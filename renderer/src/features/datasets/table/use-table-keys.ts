import type { Virtualizer } from '@tanstack/react-virtual'
import { useCallback, type KeyboardEvent, type RefObject } from 'react'
import { moveActive } from '../../../stores/datasets/selection'
import { useCaseGridStores } from '../../../stores/hooks'
import type { CaseCommands } from '../toolbar/use-case-commands'
import { rowHeight } from './layout'

interface Options {
  columns: readonly string[]
  total: number
  virtualizer: Virtualizer<HTMLDivElement, Element>
  scroller: RefObject<HTMLDivElement | null>
  commands: CaseCommands
}

/** Keys that act on the grid only when focus is on it (not in an editor, a checkbox or a field). */
function isField(target: EventTarget): boolean {
  return target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(target.tagName)
}

/**
 * The grid's keyboard: arrows, Page Up/Down, Home/End move the active row (Shift extends the selection),
 * ←/→ the active column, Enter edits, Space selects, Ctrl/Cmd+A selects all matching, Esc clears,
 * E opens the case panel, N adds, D duplicates, T tags, Delete deletes.
 */
export function useTableKeys({ columns, total, virtualizer, scroller, commands }: Options) {
  const { caseTable, caseEdit } = useCaseGridStores()
  return useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (isField(event.target) || event.altKey) return
      const table = caseTable.getState()
      const { active, activeColumn, actions, selection } = table
      const row = actions.rowAt(active)
      const mod = event.ctrlKey || event.metaKey
      const handled = () => event.preventDefault()

      const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 320) / rowHeight) - 2)
      const next = mod ? null : moveActive(active, total, event.key, pageRows)
      if (next !== null) {
        handled()
        if (event.shiftKey) void actions.selectRange(selection.anchor ?? active, next)
        actions.setActive(next)
        virtualizer.scrollToIndex(next, { align: 'auto' })
        return
      }
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        handled()
        const at = columns.indexOf(activeColumn)
        const to = Math.max(0, Math.min(columns.length - 1, at + (event.key === 'ArrowLeft' ? -1 : 1)))
        actions.setActive(active, columns[to] ?? 'key')
        return
      }
      if (mod && event.key.toLowerCase() === 'a') {
        handled()
        void actions.selectAll()
        return
      }
      if (mod) return
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
      switch (key) {
        case 'Enter':
          if (row) caseEdit.getState().actions.startCell(row, active, activeColumn)
          break
        case ' ':
          void actions.clickSelect(active)
          break
        case 'Escape':
          if (selection.ids.size === 0) return
          actions.clearSelection()
          break
        case 'e':
          if (row) caseEdit.getState().actions.openPanel(row)
          break
        case 'n':
          commands.addCase()
          break
        case 'd':
          commands.duplicateSelected()
          break
        case 't':
          commands.tagSelected()
          break
        case 'Delete':
        case 'Backspace':
          commands.deleteSelected()
          break
        default:
          return
      }
      handled()
    },
    [caseTable, caseEdit, columns, total, virtualizer, scroller, commands],
  )
}
