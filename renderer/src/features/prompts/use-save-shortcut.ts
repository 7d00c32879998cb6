import { useEffect, useRef } from 'react'

/** Ctrl/Cmd+S saves, also from inside an editor (capture phase runs before Monaco sees the key). */
export function useSaveShortcut(onSave: () => void): void {
  const latest = useRef(onSave)
  useEffect(() => {
    latest.current = onSave
  }, [onSave])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const isS = event.code === 'KeyS' || event.key.toLowerCase() === 's'
      if (!isS || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return
      event.preventDefault()
      event.stopPropagation()
      latest.current()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
