import { useEffect, useRef } from 'react'
import type { RubricScale } from '../../../../../shared/domain/scoring'
import { isModalOpen } from '../../../components/Dialog'
import { useSessionStore } from '../../../stores/hooks'
import { commandForKey, type ReviewCommand } from '../../../stores/review/review-keys'

interface Handlers {
  mode: 'single' | 'pairwise'
  scaleOf: (criterionKey: string) => RubricScale | null
  /** Commands that open something on the view itself (comment box, skip form, shortcut list). */
  onComment: () => void
  onSkip: () => void
  onHelp: () => void
}

/** Text fields keep their keys: typing "j" in a comment is a letter, not "next item". */
function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type)
}

/** The review view's shortcuts, on the whole document while the view is open and no text field has focus. */
export function useReviewKeys(handlers: Handlers): void {
  const store = useSessionStore()
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })

  useEffect(() => {
    function run(command: ReviewCommand): void {
      const { actions } = store.getState()
      const h = latest.current
      switch (command.kind) {
        case 'set':
          return void actions.setRaw(command.raw)
        case 'prefer':
          return void actions.prefer(command.preference)
        case 'move':
          return actions.move(command.by)
        case 'item':
          return void actions.step(command.by)
        case 'undo':
          return void actions.undo()
        case 'comment':
          return h.onComment()
        case 'skip':
          return h.onSkip()
        case 'help':
          return h.onHelp()
      }
    }
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || isTextTarget(event.target) || isModalOpen()) return
      const { activeKey, item } = store.getState()
      const h = latest.current
      const command = commandForKey(event, { mode: h.mode, scale: activeKey ? h.scaleOf(activeKey) : null })
      if (!command) return
      // Without an item (all done) only moving back, undo and help make sense.
      if (!item && !['item', 'undo', 'help'].includes(command.kind)) return
      event.preventDefault()
      run(command)
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [store])
}
