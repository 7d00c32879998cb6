import { useEffect, useRef } from 'react'
import { isModalOpen } from './Dialog'

/**
 * Ctrl/Cmd+`key` anywhere on the page, also from inside an editor (the capture phase runs before Monaco
 * sees the key). Stands aside while a modal dialog is open: the dialog handles its own keys.
 */
export function useCtrlShortcut(key: string, onPress: () => void): void {
  const latest = useRef(onPress)
  useEffect(() => {
    latest.current = onPress
  }, [onPress])

  useEffect(() => {
    const code = `Key${key.toUpperCase()}`
    function onKeyDown(event: KeyboardEvent): void {
      const matches = event.code === code || event.key.toLowerCase() === key
      if (!matches || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      if (isModalOpen()) return
      event.preventDefault()
      event.stopPropagation()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [key])
}

/** Ctrl/Cmd+S saves. */
export function useSaveShortcut(onSave: () => void): void {
  useCtrlShortcut('s', onSave)
}
