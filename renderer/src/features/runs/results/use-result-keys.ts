import type { Virtualizer } from '@tanstack/react-virtual'
import { useCallback, type KeyboardEvent, type RefObject } from 'react'
import type { ResultRow } from '../../../../../shared/domain/result-rows'
import { moveActive } from '../../../stores/datasets/selection'
import { useRunGridStores } from '../../../stores/hooks'
import { resultRowHeight } from './layout'

interface Options {
  total: number
  virtualizer: Virtualizer<HTMLDivElement, Element>
  scroller: RefObject<HTMLDivElement | null>
  /** A loaded row of the shown query. */
  rowAt: (index: number) => ResultRow | null
}

const aliases: Record<string, string> = { j: 'ArrowDown', k: 'ArrowUp' }

/** ↑/↓ (or j/k), Page Up/Down, Home/End move the selected result; Enter opens it, Esc closes it. */
export function useResultKeys({ total, virtualizer, scroller, rowAt }: Options) {
  const { results } = useRunGridStores()
  return useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const { active, detail, actions } = results.getState()
      const open = (index: number) => {
        const row = rowAt(index)
        if (row) actions.openDetail(index, row)
      }
      const key = aliases[event.key] ?? event.key
      const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / resultRowHeight) - 2)
      const next = moveActive(active, total, key, pageRows)
      if (next !== null) {
        event.preventDefault()
        actions.setActive(next)
        virtualizer.scrollToIndex(next, { align: 'auto' })
        // With the detail open it follows the selection, so j/k step through outputs one by one.
        if (detail) open(next)
        return
      }
      if (event.key === 'Enter') {
        event.preventDefault()
        open(active)
      } else if (event.key === 'Escape' && detail) {
        event.preventDefault()
        actions.closeDetail()
      }
    },
    [results, total, virtualizer, scroller, rowAt],
  )
}
